// The names dictionary maps repeated strings (monitor ids, locations) to the integer keys that
// rows carry. Keys are never deleted or renamed, so a committed pair stays true forever and is
// cached for the store's life. A pair first seen inside a transaction may still be rolled back
// (and SQLite may then give its key to another name), so it lives in that transaction's own
// cache and joins the shared one only at commit; a rolled-back savepoint empties it.

export class NameCache {
  private readonly keys = new Map<string, number>();
  private readonly names = new Map<number, string>();

  key(name: string): number | undefined {
    return this.keys.get(name);
  }

  name(key: number): string | undefined {
    return this.names.get(key);
  }

  add(name: string, key: number): void {
    this.keys.set(name, key);
    this.names.set(key, name);
  }

  addAll(other: NameCache): void {
    for (const [name, key] of other.keys) this.add(name, key);
  }

  clear(): void {
    this.keys.clear();
    this.names.clear();
  }
}

/** The caches a store object reads names through: its transaction's, then the shared one. */
export class NameLookup {
  constructor(
    private readonly shared: NameCache,
    private readonly local: NameCache | null,
  ) {}

  key(name: string): number | undefined {
    return this.local?.key(name) ?? this.shared.key(name);
  }

  name(key: number): string | undefined {
    return this.local?.name(key) ?? this.shared.name(key);
  }

  /** Records a pair read from the database by this store object. */
  add(name: string, key: number): void {
    (this.local ?? this.shared).add(name, key);
  }
}
