import type { z } from 'zod';
import type { Role } from './roles';

/** One handler of the contract: what it takes, what it returns, who may call it, whether it writes. */
export interface HandlerSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** 'public' handlers need no session (login, system info); all others need one of these roles. */
  access: 'public' | readonly Role[];
  /** A writing handler runs in one transaction and must leave at least one audit entry. */
  writes: boolean;
  summary: string;
}

export function handler<I extends z.ZodType, O extends z.ZodType>(spec: HandlerSpec<I, O>): HandlerSpec<I, O> {
  return spec;
}
