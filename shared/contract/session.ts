import { z } from 'zod';
import { handler } from './define';
import { ALL_ROLES, Role } from './roles';

export const Account = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  divisionCode: z.string(),
  divisionName: z.string(),
});
export type Account = z.infer<typeof Account>;

export const sessionHandlers = {
  'session.login': handler({
    summary: 'Log in with username and password; returns a session token.',
    input: z.object({
      username: z.string().trim().min(1, '请输入用户名').max(64),
      password: z.string().min(1, '请输入密码').max(256),
    }),
    output: z.object({ token: z.string(), account: Account }),
    access: 'public',
    writes: true,
  }),
  'session.logout': handler({
    summary: 'End the current session.',
    input: z.object({}).strict(),
    output: z.object({ ok: z.literal(true) }),
    access: ALL_ROLES,
    writes: true,
  }),
  'session.me': handler({
    summary: 'The account behind the current session.',
    input: z.object({}).strict(),
    output: Account,
    access: ALL_ROLES,
    writes: false,
  }),
};
