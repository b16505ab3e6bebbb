// better-sqlite3 has one connection, so a transaction held open across awaits (an import that
// streams a file inside BEGIN...COMMIT) would swallow any write made meanwhile: a note added
// during the import would commit with it, or vanish if the import is cancelled. The gate makes
// such work exclusive: every mutation waits until it ends.
export class WriteGate {
  private held: Promise<void> | null = null;

  /** Runs `work` while holding back every other write. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await this.idle();
    let release!: () => void;
    this.held = new Promise<void>((resolve) => (release = resolve));
    try {
      return await work();
    } finally {
      this.held = null;
      release();
    }
  }

  /** Resolves once no exclusive work is running. */
  async idle(): Promise<void> {
    while (this.held) await this.held;
  }

  get busy(): boolean {
    return this.held !== null;
  }
}
