// Holds the core for the transports (Electron's core process, browser mode): the core is open only
// while the app is unlocked. A plain database opens at start; an encrypted one waits for its
// passphrase (unlock) and closes again on lock, so a locked app holds no open database and no key.
// Replacing the database file (encrypt, decrypt, change passphrase, restore) goes through here too:
// the core is closed, the file work done, and the core reopened.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { startCore, type Core, type CoreOptions } from './core';
import { isEncryptedFile } from './db/cipher';
import { AppError } from './errors';
import { cleanUpRewrite } from './privacy/encryption';
import type { LockState } from '../shared/privacy';

/** One connection's identity (a window, a browser tab): the profile signed in on it. */
export interface Session {
  profileId: number | null;
}

export class CoreHost {
  readonly events = new EventEmitter();
  readonly dbFile: string;
  private current: Core | null = null;
  /** The passphrase while unlocked (backups and rekeying need it); zeroed on lock. */
  private secret: Buffer | null = null;

  constructor(readonly options: CoreOptions) {
    this.dbFile = join(options.dataDir, 'patron.sqlite');
    this.events.setMaxListeners(100);
  }

  /** A host around a core already open (tests, tools that start the core themselves). */
  static around(core: Core, options: Omit<CoreOptions, 'dataDir' | 'resourcesDir'> = {}): CoreHost {
    const host = new CoreHost({ ...options, dataDir: core.paths.dataDir, resourcesDir: core.paths.resourcesDir });
    host.current = core;
    return host;
  }

  /** Opens a plain database at once; an encrypted one stays locked until unlock(). */
  start(): void {
    // What an interrupted encrypt/decrypt/rekey left goes first (privacy/encryption.ts).
    cleanUpRewrite(this.dbFile);
    if (!isEncryptedFile(this.dbFile)) this.open(undefined);
  }

  get core(): Core | null {
    return this.current;
  }

  /** The open core, or the `locked` error every call made while locked receives. */
  requireCore(): Core {
    if (!this.current) throw new AppError('locked', 'Patron is locked: enter the passphrase to unlock it.');
    return this.current;
  }

  state(): LockState {
    return { encrypted: isEncryptedFile(this.dbFile), locked: this.current === null };
  }

  /** Opens the encrypted database; a wrong passphrase throws `wrong_passphrase` and changes nothing. */
  unlock(passphrase: string): void {
    if (this.current) return;
    cleanUpRewrite(this.dbFile);
    this.open(passphrase);
  }

  /** Closes the database and drops the key. */
  async lock(): Promise<void> {
    if (!this.current || !this.state().encrypted) return;
    const core = this.current;
    this.current = null;
    this.dropSecret();
    await core.close();
    this.emit();
  }

  /** The passphrase of the open database, or null (plain, or locked). */
  passphrase(): string | null {
    return this.secret ? this.secret.toString('utf8') : null;
  }

  /**
   * Closes the core, runs `work` on the closed file, and reopens it with `nextPassphrase`
   * (undefined: a plain database). If work throws, the core reopens as it was.
   */
  async replace<T>(work: (dbFile: string) => Promise<T> | T, nextPassphrase: string | undefined): Promise<T> {
    const before = this.passphrase() ?? undefined;
    if (this.current) {
      const core = this.current;
      this.current = null;
      await core.close();
    }
    let result: T;
    try {
      result = await work(this.dbFile);
    } catch (err) {
      this.open(before);
      throw err;
    }
    this.open(nextPassphrase);
    return result;
  }

  async close(): Promise<void> {
    const core = this.current;
    this.current = null;
    this.dropSecret();
    if (core) await core.close();
  }

  onState(listener: (state: LockState) => void): () => void {
    this.events.on('state', listener);
    return () => this.events.off('state', listener);
  }

  private open(passphrase: string | undefined): void {
    this.current = startCore({ ...this.options, passphrase });
    this.dropSecret();
    if (passphrase) this.secret = Buffer.from(passphrase, 'utf8');
    this.emit();
  }

  private dropSecret(): void {
    this.secret?.fill(0);
    this.secret = null;
  }

  private emit(): void {
    this.events.emit('state', this.state());
  }
}
