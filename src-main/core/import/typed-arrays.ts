// The import keeps flat tables in typed arrays (a batch's value ends and numbers, the lines that
// created customers, the new customers' spend), which grow as rows come.
type Growable = Uint8Array | Int32Array | Float64Array;

/** `from` itself when it holds `min` entries; else a copy of it in an array of the same kind, at least twice as long. */
export function grown<T extends Growable>(from: T, min: number): T {
  if (min <= from.length) return from;
  const to = new (from.constructor as new (length: number) => T)(Math.max(min, from.length * 2));
  to.set(from);
  return to;
}
