import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { z } from 'zod';

/**
 * The audit chain's key, kept OUTSIDE the database: `audit.key` in the node's data folder, created at the
 * first start (mode 0600). Entries from `keyedFrom` on are chained with HMAC-SHA-256 under this key, so
 * someone holding only the database file (a copied file, a backup, a DB editor) cannot delete entries and
 * recompute the chain: without the key every recomputed hash is wrong. Entries before `keyedFrom` (a
 * database from before the keyed chain) keep their plain SHA-256; the first keyed entry (`audit.keyed`)
 * links to the last of them, so that older part cannot be rewritten either without breaking the first
 * keyed link. docs/security.md says what this does and does not hold against.
 */

export const AUDIT_KEY_FILE = 'audit.key';

const KeyFile = z.object({ format: z.literal(1), key: z.string().regex(/^[0-9a-f]{64}$/), keyedFrom: z.number().int().min(1), createdAt: z.string() });

export interface AuditKey {
  key: Buffer;
  /** The first sequence number chained with the key. */
  keyedFrom: number;
}

export function readAuditKeyFile(dataDir: string): AuditKey | null {
  const file = path.join(dataDir, AUDIT_KEY_FILE);
  if (!existsSync(file)) return null;
  const parsed = KeyFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  return { key: Buffer.from(parsed.key, 'hex'), keyedFrom: parsed.keyedFrom };
}

/** Create the key file (never overwrites one: `wx`), readable by the node's OS account only. */
export function createAuditKeyFile(dataDir: string, keyedFrom: number, now: Date): AuditKey {
  const key = randomBytes(32);
  const body = { format: 1 as const, key: key.toString('hex'), keyedFrom, createdAt: now.toISOString() };
  writeFileSync(path.join(dataDir, AUDIT_KEY_FILE), JSON.stringify(body, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  return { key, keyedFrom };
}

/** Keys by knex config object: a transaction's client shares its knex's config, so both find the same key. */
const keys = new WeakMap<object, AuditKey>();

/**
 * The key for the database a connection (or transaction) is on: the key file next to the database file.
 * Anything that writes the node's file — the core, the demo worker, a test opening the file again — so
 * chains with the same key without passing it around. Null for a database without one (in memory, or a
 * file from before the keyed chain that createCore has not opened yet).
 */
export function auditKeyOf(db: Knex): AuditKey | null {
  const config = db.client.config as { connection?: { filename?: string } } | undefined;
  if (!config) return null;
  const cached = keys.get(config);
  if (cached) return cached;
  const filename = config.connection?.filename;
  if (!filename || filename === ':memory:') return null;
  const key = readAuditKeyFile(path.dirname(path.resolve(filename)));
  if (key) keys.set(config, key);
  return key;
}

/** A name for the key that reveals nothing of it: which chain a backup's exported head belongs to. */
export function auditKeyId(key: AuditKey): string {
  return createHash('sha256').update('ggc-audit-key-id').update(key.key).digest('hex').slice(0, 16);
}
