// fmin ships no types; this declares the part Patron uses.
declare module 'fmin' {
  export interface NelderMeadOptions {
    maxIterations?: number;
    nonZeroDelta?: number;
    zeroDelta?: number;
    minErrorDelta?: number;
    minTolerance?: number;
  }
  export interface MinimumPoint {
    x: number[];
    fx: number;
  }
  export function nelderMead(f: (x: number[]) => number, x0: number[], options?: NelderMeadOptions): MinimumPoint;
}
