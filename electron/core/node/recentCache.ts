import type { Knex } from 'knex';

/**
 * The few most recently built values of one kind (map layers, spatial indexes), each built once even when
 * several calls ask at the same moment. It belongs to one node (NodeState), so two cores in one process
 * never share an entry; keys carry the data version the value was built from.
 *
 * Inside a transaction a cached value is used, but a value built there is not kept: it may hold rows that
 * a rollback removes, under a version number that a later commit will reuse for other data.
 */
export class RecentCache<V> {
  private readonly entries = new Map<string, Promise<V>>();

  constructor(private readonly max: number) {}

  get(key: string, db: Knex, build: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last, so eviction takes the oldest use.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = build();
    if (!db.isTransaction) {
      this.entries.set(key, value);
      value.catch(() => {
        if (this.entries.get(key) === value) this.entries.delete(key);
      });
      while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  clear(): void {
    this.entries.clear();
  }
}
