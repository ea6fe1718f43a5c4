import { z } from 'zod';
import { handler } from './define';
import { ALL_ROLES } from './roles';
import { DivisionCode } from '../domain/divisionCodes';

export const DivisionLevelSchema = z.enum(['province', 'city', 'county', 'township', 'village']);

export const DivisionNode = z.object({
  code: z.string(),
  name: z.string(),
  level: DivisionLevelSchema,
  parentCode: z.string().nullable(),
  /** Totals for the division and everything inside it. */
  counts: z.object({
    villages: z.number().int(),
    grids: z.number().int(),
    servicePoints: z.number().int(),
    openDisputes: z.number().int(),
  }),
});
export type DivisionNode = z.infer<typeof DivisionNode>;

export const divisionHandlers = {
  'divisions.tree': handler({
    summary:
      'The division hierarchy under a root (default: this node) down to a level, each with counts of villages, grids, service points and open disputes.',
    input: z
      .object({
        rootCode: DivisionCode.optional(),
        depth: z.enum(['county', 'township', 'village']).default('village'),
      })
      .strict(),
    output: z.object({ nodes: z.array(DivisionNode) }),
    access: ALL_ROLES,
    writes: false,
  }),
};
