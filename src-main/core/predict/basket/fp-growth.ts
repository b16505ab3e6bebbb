// Frequent itemsets by FP-growth (Han, Pei & Yin 2000, "Mining frequent patterns without
// candidate generation", SIGMOD): one scan counts the items, a second builds a prefix tree of the
// baskets' frequent items (most frequent first), and each item's conditional tree (the paths above
// its nodes) is mined recursively.
//
// Hand-written rather than the npm package node-fpgrowth 1.2.1 (evaluated for issue 13): it counts
// a product twice in an order holding it on two lines (1,655 itemsets against 1,074 on a synthetic
// shop; right only after de-duplicating the baskets); on Groceries it finds the same 13,492
// itemsets at support 0.001, but about 6× slower (0.59 s against
// 0.09 s: it keys every item by JSON.stringify and concatenates result arrays at each level), has
// no length cap (the app mines itemsets of at most 3 items), and answers through a Promise and an
// EventEmitter (a dependency on the `events` shim) for work that is synchronous anyway.

/** A frequent itemset as ranks into `FrequentItemsets.items`, ascending (most frequent item first). */
export interface RankedItemset {
  ranks: number[];
  /** Baskets holding every item of the set. */
  count: number;
}

export interface FrequentItemsets<T> {
  /** The frequent items, most frequent first (ties in first-seen order); a rank indexes this. */
  items: T[];
  /** Baskets holding each of `items`. */
  itemCounts: number[];
  /** Every frequent itemset of 1..maxLength items. */
  itemsets: RankedItemset[];
  /** Baskets read (empty ones included: they count in N for support). */
  baskets: number;
}

/**
 * A prefix tree of weighted paths (ranks ascending). Nodes are parallel arrays; a node's child
 * holding an item is found by the key node·stride + item.
 */
class FpTree {
  readonly item: number[] = [-1];
  readonly count: number[] = [0];
  readonly parent: number[] = [-1];
  private readonly children = new Map<number, number>();
  /** The nodes of each rank (Han et al.'s node-links). */
  readonly nodesOf: (number[] | undefined)[];
  private branched = false;

  constructor(private readonly stride: number) {
    this.nodesOf = new Array<number[] | undefined>(stride);
  }

  insert(path: ArrayLike<number>, length: number, weight: number): void {
    let node = 0;
    for (let i = 0; i < length; i++) {
      const it = path[i];
      const key = node * this.stride + it;
      let child = this.children.get(key);
      if (child === undefined) {
        child = this.item.length;
        // A second child anywhere makes the tree more than a single path.
        if (child !== node + 1) this.branched = true;
        this.item.push(it);
        this.count.push(0);
        this.parent.push(node);
        this.children.set(key, child);
        (this.nodesOf[it] ??= []).push(child);
      }
      this.count[child] += weight;
      node = child;
    }
  }

  /** Whether every node has at most one child: then the tree is one path from the root. */
  get singlePath(): boolean {
    return !this.branched;
  }
}

type Emit = (prefix: readonly number[], count: number) => void;

/**
 * Every combination of a single path's nodes is frequent with the count of its deepest node
 * (counts only fall going down): Han et al. 2000, Lemma 3.2.
 */
function minePath(tree: FpTree, prefix: number[], emit: Emit, maxLength: number): void {
  const nodes = tree.item.length - 1; // node i + 1 is at depth i
  const walk = (from: number, count: number) => {
    for (let n = from; n <= nodes; n++) {
      const c = Math.min(count, tree.count[n]);
      prefix.push(tree.item[n]);
      emit(prefix, c);
      if (prefix.length < maxLength) walk(n + 1, c);
      prefix.pop();
    }
  };
  walk(1, Infinity);
}

function mine(tree: FpTree, ranks: number, prefix: number[], emit: Emit, minCount: number, maxLength: number): void {
  if (tree.singlePath) {
    minePath(tree, prefix, emit, maxLength);
    return;
  }
  const path: number[] = [];
  for (let r = ranks - 1; r >= 0; r--) {
    const nodes = tree.nodesOf[r];
    if (!nodes) continue;
    let support = 0;
    for (const n of nodes) support += tree.count[n];
    if (support < minCount) continue;
    prefix.push(r);
    emit(prefix, support);
    if (prefix.length < maxLength && r > 0) {
      // The conditional pattern base: every path above r's nodes, weighted by the node's count.
      const condCount = new Float64Array(r);
      let any = false;
      for (const n of nodes) {
        const w = tree.count[n];
        for (let p = tree.parent[n]; p > 0; p = tree.parent[p]) condCount[tree.item[p]] += w;
      }
      for (let i = 0; i < r && !any; i++) any = condCount[i] >= minCount;
      if (any) {
        const sub = new FpTree(r);
        for (const n of nodes) {
          path.length = 0;
          for (let p = tree.parent[n]; p > 0; p = tree.parent[p]) if (condCount[tree.item[p]] >= minCount) path.push(tree.item[p]);
          path.reverse();
          if (path.length > 0) sub.insert(path, path.length, tree.count[n]);
        }
        mine(sub, r, prefix, emit, minCount, maxLength);
      }
    }
    prefix.pop();
  }
}

/**
 * Every itemset of at most `maxLength` items held by at least `minCount` baskets. A basket is a
 * set: an item repeated in it counts once.
 */
export function frequentItemsets<T extends string | number>(baskets: readonly (readonly T[])[], minCount: number, maxLength = Infinity): FrequentItemsets<T> {
  if (!(minCount >= 1)) throw new Error(`minCount must be at least 1, got ${minCount}`);
  // First scan: give each distinct item an id and count the baskets holding it.
  const idOf = new Map<T, number>();
  const byId: T[] = [];
  const counts: number[] = [];
  const lastSeen: number[] = [];
  let lines = 0;
  for (const b of baskets) lines += b.length;
  const flat = new Int32Array(lines);
  const start = new Int32Array(baskets.length + 1);
  let at = 0;
  baskets.forEach((basket, bi) => {
    start[bi] = at;
    for (const item of basket) {
      let id = idOf.get(item);
      if (id === undefined) {
        id = byId.length;
        idOf.set(item, id);
        byId.push(item);
        counts.push(0);
        lastSeen.push(-1);
      }
      if (lastSeen[id] === bi) continue;
      lastSeen[id] = bi;
      counts[id]++;
      flat[at++] = id;
    }
  });
  start[baskets.length] = at;

  // Frequent items ranked most frequent first: the order that shares the most tree prefixes.
  const frequentIds = byId.map((_, id) => id).filter((id) => counts[id] >= minCount);
  frequentIds.sort((a, b) => counts[b] - counts[a] || a - b);
  const rankOf = new Int32Array(byId.length).fill(-1);
  frequentIds.forEach((id, r) => (rankOf[id] = r));
  const nRanks = frequentIds.length;

  // Second scan: each basket's frequent items, by rank, into the tree.
  const tree = new FpTree(nRanks);
  let buf = new Int32Array(64);
  for (let bi = 0; bi < baskets.length; bi++) {
    const len = start[bi + 1] - start[bi];
    if (buf.length < len) buf = new Int32Array(len * 2);
    let k = 0;
    for (let j = start[bi]; j < start[bi + 1]; j++) {
      const r = rankOf[flat[j]];
      if (r >= 0) buf[k++] = r;
    }
    if (k === 0) continue;
    const sorted = buf.subarray(0, k).sort();
    tree.insert(sorted, k, 1);
  }

  const itemsets: RankedItemset[] = [];
  mine(tree, nRanks, [], (prefix, count) => itemsets.push({ ranks: prefix.slice().sort((a, b) => a - b), count }), minCount, maxLength);
  return { items: frequentIds.map((id) => byId[id]), itemCounts: frequentIds.map((id) => counts[id]), itemsets, baskets: baskets.length };
}
