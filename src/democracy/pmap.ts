/**
 * A persistent (immutable) ordered map from string keys to values: an AVL tree whose
 * updates copy only the O(log n) nodes on the path to the key and share the rest.
 *
 * Why: `evolve` must return a new state without mutating the old one (the store keeps
 * the old state until its transaction commits), and must cost O(what the event touches),
 * not O(organisation). Copying a `Map` of 100,000 members on every event would be the
 * latter; a path copy in a balanced tree is the former.
 *
 * Keys are ordered by JavaScript string comparison (UTF-16 code units), so iteration
 * order is deterministic and independent of insertion order; `min()` makes the map a
 * priority queue when keys sort by time (the domain's deadline agenda).
 */
interface Node<V> {
  readonly key: string;
  readonly value: V;
  readonly left: Node<V> | null;
  readonly right: Node<V> | null;
  readonly height: number;
  readonly size: number;
}

const height = <V>(n: Node<V> | null): number => (n ? n.height : 0);
const sizeOf = <V>(n: Node<V> | null): number => (n ? n.size : 0);

function node<V>(key: string, value: V, left: Node<V> | null, right: Node<V> | null): Node<V> {
  return {
    key,
    value,
    left,
    right,
    height: Math.max(height(left), height(right)) + 1,
    size: sizeOf(left) + sizeOf(right) + 1,
  };
}

/** Rebuilds a node whose subtrees differ in height by at most 2 into a balanced one. */
function balance<V>(key: string, value: V, l: Node<V> | null, r: Node<V> | null): Node<V> {
  const hl = height(l);
  const hr = height(r);
  if (hl > hr + 1 && l) {
    if (height(l.left) >= height(l.right)) {
      return node(l.key, l.value, l.left, node(key, value, l.right, r));
    }
    const lr = l.right as Node<V>;
    return node(
      lr.key,
      lr.value,
      node(l.key, l.value, l.left, lr.left),
      node(key, value, lr.right, r),
    );
  }
  if (hr > hl + 1 && r) {
    if (height(r.right) >= height(r.left)) {
      return node(r.key, r.value, node(key, value, l, r.left), r.right);
    }
    const rl = r.left as Node<V>;
    return node(
      rl.key,
      rl.value,
      node(key, value, l, rl.left),
      node(r.key, r.value, rl.right, r.right),
    );
  }
  return node(key, value, l, r);
}

function insert<V>(n: Node<V> | null, key: string, value: V): Node<V> {
  if (!n) return node(key, value, null, null);
  if (key < n.key) return balance(n.key, n.value, insert(n.left, key, value), n.right);
  if (key > n.key) return balance(n.key, n.value, n.left, insert(n.right, key, value));
  return node(key, value, n.left, n.right);
}

function removeMin<V>(n: Node<V>): { min: Node<V>; rest: Node<V> | null } {
  if (!n.left) return { min: n, rest: n.right };
  const { min, rest } = removeMin(n.left);
  return { min, rest: balance(n.key, n.value, rest, n.right) };
}

function remove<V>(n: Node<V> | null, key: string): Node<V> | null {
  if (!n) return null;
  if (key < n.key) return balance(n.key, n.value, remove(n.left, key), n.right);
  if (key > n.key) return balance(n.key, n.value, n.left, remove(n.right, key));
  if (!n.left) return n.right;
  if (!n.right) return n.left;
  const { min, rest } = removeMin(n.right);
  return balance(min.key, min.value, n.left, rest);
}

export class PMap<V> {
  private constructor(private readonly root: Node<V> | null) {}

  private static readonly EMPTY = new PMap<never>(null);

  /** The empty map (shared: it is immutable). */
  static empty<V>(): PMap<V> {
    return PMap.EMPTY as PMap<V>;
  }

  /** A map of `entries`; a later duplicate key wins. */
  static of<V>(entries: Iterable<readonly [string, V]>): PMap<V> {
    let m = PMap.empty<V>();
    for (const [k, v] of entries) m = m.set(k, v);
    return m;
  }

  get size(): number {
    return sizeOf(this.root);
  }

  get(key: string): V | undefined {
    let n = this.root;
    while (n) {
      if (key < n.key) n = n.left;
      else if (key > n.key) n = n.right;
      else return n.value;
    }
    return undefined;
  }

  has(key: string): boolean {
    let n = this.root;
    while (n) {
      if (key < n.key) n = n.left;
      else if (key > n.key) n = n.right;
      else return true;
    }
    return false;
  }

  /** A map equal to this one with `key` bound to `value`. O(log n). */
  set(key: string, value: V): PMap<V> {
    return new PMap(insert(this.root, key, value));
  }

  /** A map equal to this one without `key` (the same map when absent). O(log n). */
  delete(key: string): PMap<V> {
    if (!this.has(key)) return this;
    return new PMap(remove(this.root, key));
  }

  /** Applies `f` to the value at `key`; precondition: the key is present. */
  update(key: string, f: (value: V) => V): PMap<V> {
    const v = this.get(key);
    if (v === undefined) throw new Error(`PMap.update: no key ${key}`);
    return this.set(key, f(v));
  }

  /** The entry with the smallest key, or undefined when empty. O(log n). */
  min(): readonly [string, V] | undefined {
    let n = this.root;
    if (!n) return undefined;
    while (n.left) n = n.left;
    return [n.key, n.value];
  }

  /** Entries in key order. */
  *entries(): IterableIterator<[string, V]> {
    const stack: Node<V>[] = [];
    let n = this.root;
    while (n || stack.length) {
      while (n) {
        stack.push(n);
        n = n.left;
      }
      const top = stack.pop() as Node<V>;
      yield [top.key, top.value];
      n = top.right;
    }
  }

  *keys(): IterableIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): IterableIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }

  /** A plain object of the entries, in key order (for snapshots and JSON). */
  toObject(): Record<string, V> {
    const out: Record<string, V> = {};
    for (const [k, v] of this.entries()) out[k] = v;
    return out;
  }

  /** For the invariant tests: true when every node is ordered and AVL-balanced. */
  checkInvariants(): boolean {
    const check = (n: Node<V> | null, lo: string | null, hi: string | null): boolean => {
      if (!n) return true;
      if ((lo !== null && n.key <= lo) || (hi !== null && n.key >= hi)) return false;
      if (Math.abs(height(n.left) - height(n.right)) > 1) return false;
      if (n.height !== Math.max(height(n.left), height(n.right)) + 1) return false;
      if (n.size !== sizeOf(n.left) + sizeOf(n.right) + 1) return false;
      return check(n.left, lo, n.key) && check(n.right, n.key, hi);
    };
    return check(this.root, null, null);
  }
}
