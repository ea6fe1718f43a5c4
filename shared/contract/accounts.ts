import { z } from 'zod';
import { handler } from './define';
import { ADMIN_ONLY, Role } from './roles';
import { Account } from './session';
import { DivisionCode } from '../domain/divisionCodes';

export const accountHandlers = {
  'accounts.list': handler({
    summary: 'All staff accounts of this node.',
    input: z.object({}).strict(),
    output: z.object({ accounts: z.array(Account.extend({ disabled: z.boolean() })) }),
    access: ADMIN_ONLY,
    writes: false,
  }),
  'accounts.create': handler({
    summary: 'Create a staff account.',
    input: z.object({
      username: z
        .string()
        .trim()
        .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名须为3-32位小写字母、数字或 _ . -，以字母开头'),
      displayName: z.string().trim().min(1, '请输入姓名').max(32),
      role: Role,
      divisionCode: DivisionCode,
      password: z.string().min(10, '密码至少10位').max(256),
    }),
    output: Account,
    access: ADMIN_ONLY,
    writes: true,
  }),
};
