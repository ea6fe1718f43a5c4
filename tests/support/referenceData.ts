import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Optional reference data (the real Yiyang division list and county outlines), read in place and never
 * copied into the repository. A fresh clone does not have it: the tests that need it skip and say why,
 * and nothing else may read it (a `beforeAll` that does fails the whole file on such a machine).
 *
 * Where it is looked for: $GGC_REFERENCE_DATA, else a `shared/data` folder beside the repository.
 */
const DEFAULT_DIR = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

export interface ReferenceData<F extends string> {
  /** Absolute path of each requested file (whether it exists or not). */
  path: Record<F, string>;
  /** Why the tests that need it skip; null when every file is there. */
  missing: string | null;
}

/** Look the files up once per test file; print the reason when the tests that need them will skip. */
export function referenceData<F extends string>(what: string, ...files: F[]): ReferenceData<F> {
  const dir = path.resolve(process.env.GGC_REFERENCE_DATA ?? DEFAULT_DIR);
  const paths = Object.fromEntries(files.map((f) => [f, path.join(dir, f)])) as Record<F, string>;
  const absent = files.filter((f) => !existsSync(paths[f]));
  const missing = absent.length === 0 ? null : `${what} skipped: ${absent.join(', ')} not found in ${dir} (optional reference data; set GGC_REFERENCE_DATA to a folder holding it)`;
  if (missing) console.warn(missing);
  return { path: paths, missing };
}
