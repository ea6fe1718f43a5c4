import { z } from 'zod';
import { handler } from './define';
import { ADMIN_ONLY, ALL_ROLES, Role } from './roles';

export const Account = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  divisionCode: z.string(),
  divisionName: z.string(),
});
export type Account = z.infer<typeof Account>;

/** How long sessions last and when an unattended console locks itself (shared office PCs). */
export const SessionPolicy = z.object({
  /** A session ends this many hours after login, whatever happens. */
  sessionHours: z.number().int().min(1).max(72),
  /** The console locks (logs out) after this many minutes without input; 0: never. */
  idleLockMinutes: z.number().int().min(0).max(240),
});
export type SessionPolicy = z.infer<typeof SessionPolicy>;

export const sessionHandlers = {
  'session.login': handler({
    summary: 'Log in with username and password; returns a session token.',
    input: z.object({
      username: z.string().trim().min(1, '请输入用户名').max(64),
      password: z.string().min(1, '请输入密码').max(256),
    }),
    output: z.object({
      token: z.string(),
      account: Account,
      /** A one-time password was used: nothing but changing it (session.changePassword) is allowed. */
      mustChangePassword: z.boolean(),
      policy: SessionPolicy,
    }),
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
  'session.changePassword': handler({
    summary: 'Change one\'s own password (the current one required; the password rules apply). Other sessions of the account end.',
    input: z
      .object({
        currentPassword: z.string().min(1, '请输入当前密码').max(256),
        newPassword: z.string().max(256),
      })
      .strict(),
    output: z.object({ ok: z.literal(true) }),
    access: ALL_ROLES,
    writes: true,
  }),
  'session.policy': handler({
    summary: 'Session length and idle lock of this node (the console needs the idle lock).',
    input: z.object({}).strict(),
    output: SessionPolicy,
    access: ALL_ROLES,
    writes: false,
  }),
  'session.setPolicy': handler({
    summary: 'Set the session length and the idle lock (admin).',
    input: SessionPolicy.strict(),
    output: SessionPolicy,
    access: ADMIN_ONLY,
    writes: true,
  }),
};
