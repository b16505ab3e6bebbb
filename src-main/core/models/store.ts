// The models folder: what is installed, which one is active, where each came from and which
// check it passed. Files are only ever added whole (a verified download or a validated copy is
// renamed into place), so a .gguf in this folder is never half-written.
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { getSetting, setSetting } from '../app/service';
import type { Db } from '../db/open';
import { AppError, type ErrorShape } from '../errors';
import type { ChecksumCheck } from './download';
import { inspectModelFile, type ModelFileInfo } from './inspect';

export type ModelCheck = ChecksumCheck | 'imported';

export interface InstalledMeta {
  catalogId: string | null;
  check: ModelCheck;
  sha256: string | null;
  source: string | null;
  installedAt: number;
  /** Why llama.cpp could not load it the last time it was tried (cleared by a load that works). */
  loadError?: ErrorShape | null;
}

export interface InstalledModel {
  file: string;
  sizeBytes: number;
  active: boolean;
  catalogId: string | null;
  /** Which verification the file passed when it arrived. */
  check: ModelCheck | null;
  sha256: string | null;
  info: ModelFileInfo | null;
  /** Set when the file no longer passes the header check (damaged since). */
  error: ErrorShape | null;
  /** Set when the file passed the header check but llama.cpp could not load it. */
  loadError: ErrorShape | null;
}

const ACTIVE = 'models.active';
const INSTALLED = 'models.installed';

export class ModelStore {
  private readonly cache = new Map<string, { key: string; info: ModelFileInfo | null; error: ErrorShape | null }>();

  constructor(
    private readonly db: Db,
    readonly dir: string,
  ) {}

  /** Resolves a file name from the UI to a path inside the folder, refusing anything else. */
  pathOf(file: string): string {
    if (basename(file) !== file || !file.endsWith('.gguf')) throw new AppError('invalid_input', `"${file}" is not a model file name.`, 'file');
    return join(this.dir, file);
  }

  activeFile(): string | null {
    return getSetting<string | null>(this.db, ACTIVE, null) || null;
  }

  /** `null`: no model is active (kept as '', since a setting cannot hold NULL). */
  setActive(file: string | null): void {
    setSetting(this.db, ACTIVE, file ?? '');
  }

  record(file: string, meta: InstalledMeta): void {
    setSetting(this.db, INSTALLED, { ...getSetting<Record<string, InstalledMeta>>(this.db, INSTALLED, {}), [file]: meta });
  }

  /** Keeps (or clears, with null) why `file` could not be loaded, for the model page. */
  recordLoadError(file: string, error: ErrorShape | null): void {
    const all = getSetting<Record<string, InstalledMeta>>(this.db, INSTALLED, {});
    const meta = all[file] ?? { catalogId: null, check: 'none', sha256: null, source: null, installedAt: Date.now() };
    if ((meta.loadError ?? null) === error) return;
    setSetting(this.db, INSTALLED, { ...all, [file]: { ...meta, loadError: error } });
  }

  private forget(file: string): void {
    const all = getSetting<Record<string, InstalledMeta>>(this.db, INSTALLED, {});
    delete all[file];
    setSetting(this.db, INSTALLED, all);
  }

  /** Header check, cached by size and mtime so listing the page does not reread every file. */
  async inspect(file: string): Promise<{ info: ModelFileInfo | null; error: ErrorShape | null }> {
    const path = this.pathOf(file);
    const s = await stat(path);
    const key = `${s.size}:${s.mtimeMs}`;
    const hit = this.cache.get(path);
    if (hit?.key === key) return hit;
    let entry: { key: string; info: ModelFileInfo | null; error: ErrorShape | null };
    try {
      entry = { key, info: await inspectModelFile(path), error: null };
    } catch (err) {
      entry = { key, info: null, error: err instanceof AppError ? err.toShape() : { code: 'model_invalid', message: String(err), params: { file, reason: 'unreadable', detail: String(err) } } };
    }
    this.cache.set(path, entry);
    return entry;
  }

  async list(): Promise<InstalledModel[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const meta = getSetting<Record<string, InstalledMeta>>(this.db, INSTALLED, {});
    const active = this.activeFile();
    const out: InstalledModel[] = [];
    for (const file of names.filter((n) => n.endsWith('.gguf')).sort()) {
      const { info, error } = await this.inspect(file);
      const m = meta[file];
      out.push({
        file,
        sizeBytes: (await stat(this.pathOf(file))).size,
        active: file === active,
        catalogId: m?.catalogId ?? null,
        check: m?.check ?? null,
        sha256: m?.sha256 ?? null,
        info,
        error,
        loadError: m?.loadError ?? null,
      });
    }
    return out;
  }

  /** Copies a .gguf from anywhere (a USB stick) after its header passes; never overwrites. */
  async importFile(src: string): Promise<InstalledModel> {
    const info = await inspectModelFile(src);
    const file = basename(src);
    const dest = this.pathOf(file);
    if (await stat(dest).then(() => true, () => false)) throw new AppError('conflict', `A model named "${file}" is already installed.`, 'path');
    const part = `${dest}.import-part`;
    await mkdir(this.dir, { recursive: true });
    try {
      await copyFile(src, part);
      // Copying can fail halfway (a pulled USB stick): check the copy, not just the original.
      await inspectModelFile(part, file);
      await rename(part, dest);
    } finally {
      await rm(part, { force: true });
    }
    this.record(file, { catalogId: null, check: 'imported', sha256: null, source: 'import', installedAt: Date.now() });
    return { file, sizeBytes: info.sizeBytes, active: false, catalogId: null, check: 'imported', sha256: null, info: { ...info, file: dest }, error: null, loadError: null };
  }

  async remove(file: string): Promise<void> {
    const path = this.pathOf(file);
    if (!(await stat(path).then(() => true, () => false))) throw new AppError('not_found', `The model "${file}" is not installed.`);
    await rm(path, { force: true });
    this.cache.delete(path);
    this.forget(file);
    if (this.activeFile() === file) this.setActive(null);
  }
}
