/**
 * Compact building blocks for holding a whole corpus's worth of small records: numbers in growable typed
 * arrays, repeated values (words, actors, dates) stored once and referred to by number.
 */

/** A growable list of 32-bit integers. */
export class IntList {
  private a = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }

  get(i: number): number {
    return this.a[i]!;
  }

  /** The values, trimmed (the list is not used afterwards). */
  done(): Int32Array {
    return this.a.subarray(0, this.length);
  }
}

/** Distinct values, each kept once and numbered 0, 1, … in the order first seen. */
export class Interner<T = string> {
  private readonly ids = new Map<string, number>();
  private readonly values: T[] = [];

  /** The number of the value known by `key`, if it has one. */
  lookup(key: string): number | undefined {
    return this.ids.get(key);
  }

  /** The number of the value known by `key`; `value` is kept the first time the key is seen. */
  id(key: string, value: T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.values.length));
      this.values.push(value);
    }
    return id;
  }

  value(id: number): T {
    return this.values[id]!;
  }

  get size(): number {
    return this.values.length;
  }
}

/**
 * `values` sorted as SQLite's BINARY collation sorts text: by UTF-8 bytes, i.e. by code point (JavaScript's
 * `<` compares UTF-16 units, which orders characters above U+FFFF differently). Used to visit things in the
 * order an `ORDER BY` on the store would give.
 */
export function sortBinary(values: Iterable<string>): string[] {
  const keyed = [...values].map((v) => ({ v, bytes: Buffer.from(v, 'utf8') }));
  keyed.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  return keyed.map((k) => k.v);
}
