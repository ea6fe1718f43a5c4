import { z } from 'zod';
import { handler } from './define';
import { ADMIN_ONLY, Role } from './roles';
import { Account } from './session';
import { DivisionCode } from '../domain/divisionCodes';
import { passwordProblem, USERNAME_MESSAGE, USERNAME_PATTERN } from '../domain/passwordRules';

/** A staff member's mobile or office number: digits, spaces and - + ( ), 5–20 characters. */
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确')
  .nullable();

/** An account as the admin's staff page shows it. */
export const AccountRow = Account.extend({
  phone: z.string().nullable(),
  disabled: z.boolean(),
  /** Set by a reset: the one-time password must be changed at the next login. */
  mustChangePassword: z.boolean(),
  /** Locked after repeated wrong passwords, until this time (ISO); null when not locked. */
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
});
export type AccountRow = z.infer<typeof AccountRow>;

export const accountHandlers = {
  'accounts.list': handler({
    summary: 'All staff accounts of this node.',
    input: z.object({}).strict(),
    output: z.object({ accounts: z.array(AccountRow) }),
    access: ADMIN_ONLY,
    writes: false,
  }),
  'accounts.create': handler({
    summary: 'Create a staff account (password rules; a duplicate username is refused with a field message).',
    input: z
      .object({
        username: z.string().trim().regex(USERNAME_PATTERN, USERNAME_MESSAGE),
        displayName: z.string().trim().min(1, '请输入姓名').max(32),
        role: Role,
        divisionCode: DivisionCode,
        phone: Phone.optional(),
        password: z.string().max(256),
      })
      .superRefine((v, ctx) => {
        const problem = passwordProblem(v.password, v.username);
        if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
      }),
    output: Account,
    access: ADMIN_ONLY,
    writes: true,
  }),
  'accounts.update': handler({
    summary: "Edit an account's real name, role, division scope or phone.",
    input: z
      .object({
        id: z.number().int().positive(),
        displayName: z.string().trim().min(1, '请输入姓名').max(32).optional(),
        role: Role.optional(),
        divisionCode: DivisionCode.optional(),
        phone: Phone.optional(),
      })
      .strict(),
    output: AccountRow,
    access: ADMIN_ONLY,
    writes: true,
  }),
  'accounts.setDisabled': handler({
    summary: 'Disable an account (its sessions end at once) or enable it again.',
    input: z.object({ id: z.number().int().positive(), disabled: z.boolean() }).strict(),
    output: AccountRow,
    access: ADMIN_ONLY,
    writes: true,
  }),
  'accounts.resetPassword': handler({
    summary: 'Give an account a one-time password (shown once) that must be changed at the next login; ends its sessions and lock.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ oneTimePassword: z.string() }),
    access: ADMIN_ONLY,
    writes: true,
  }),
};
