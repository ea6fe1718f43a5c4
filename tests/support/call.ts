import type { CallResult, CoreErrorPayload, HandlerName, InputOf, OutputOf } from '../../shared/contract';
import type { Core } from '../../electron/core/index';

/**
 * Calling the core from a test the way a client does (through `invoke`, the one door), typed by the
 * contract: the input is checked against `InputOf<N>` at compile time and the answer is `OutputOf<N>`,
 * so a test never casts `res.value as {...}`.
 */
export type Call = <N extends HandlerName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>;

/** A refusal from the core, thrown by `Call` so a test that expected success fails with the reason. */
export class Refused extends Error {
  constructor(
    readonly name_: string,
    readonly error: CoreErrorPayload,
  ) {
    super(`${name_}: ${error.code} ${error.message}`);
  }
}

/** What a refused call looked like (for tests that expect a refusal). */
export interface Attempt {
  ok: boolean;
  code?: string;
  message?: string;
  field?: string;
}

/** `call(name, input)` as the holder of `token` (null: no session). */
export function callAs(core: Pick<Core, 'invoke'>, token: string | null): Call {
  return async (name, input) => {
    const res = (await core.invoke(name, input, { token })) as CallResult<OutputOf<typeof name>>;
    if (!res.ok) throw new Refused(name, res.error);
    return res.value;
  };
}

/**
 * Any name and any input, typed or not: for tests of refusals (bad input, wrong role, unknown name),
 * which must be able to send what the contract's types would not let through.
 */
export async function attemptAs(core: Pick<Core, 'invoke'>, token: string | null, name: string, input: unknown): Promise<Attempt> {
  const res = await core.invoke(name, input, { token });
  return res.ok ? { ok: true } : { ok: false, code: res.error.code, message: res.error.message, ...(res.error.field ? { field: res.error.field } : {}) };
}
