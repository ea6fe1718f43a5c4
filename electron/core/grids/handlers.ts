import type { HandlerImpls } from '../context';
import { gridCard } from './card';
import { importBoundaries } from '../imports/boundaries/importBoundaries';

export const gridImpls = {
  'grids.card': async ({ gridId, code, nearbyRadiusM }, ctx) => gridCard(ctx, { gridId, code }, nearbyRadiusM),
  'boundaries.import': async (input, ctx) => importBoundaries(ctx, input),
} satisfies Partial<HandlerImpls>;
