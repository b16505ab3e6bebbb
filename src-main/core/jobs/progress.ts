// Progress as the UI sees it: never running backwards, with a rate and time left, and at most a
// few events a second per job so a fast loop cannot flood the transport.
export interface ProgressSnapshot {
  done: number;
  total: number;
  ratePerSec: number | null;
  etaSec: number | null;
}

export class ProgressTracker {
  private done = 0;
  private total = 0;
  private startDone = -1;
  private startAt = 0;
  private lastEmitAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly minIntervalMs = 150,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a report; returns a snapshot when one is due for emission, else null. */
  update(done: number, total: number, force = false): ProgressSnapshot | null {
    this.done = Math.max(this.done, done);
    this.total = Math.max(total, this.done);
    const t = this.now();
    if (this.startDone < 0) {
      this.startDone = this.done;
      this.startAt = t;
    }
    if (!force && t - this.lastEmitAt < this.minIntervalMs) return null;
    this.lastEmitAt = t;
    return this.snapshot();
  }

  snapshot(): ProgressSnapshot {
    const elapsed = (this.now() - this.startAt) / 1000;
    const moved = this.done - Math.max(this.startDone, 0);
    const ratePerSec = elapsed > 0.2 && moved > 0 ? moved / elapsed : null;
    const etaSec = ratePerSec && this.total > this.done ? (this.total - this.done) / ratePerSec : ratePerSec ? 0 : null;
    return { done: this.done, total: this.total, ratePerSec, etaSec };
  }
}
