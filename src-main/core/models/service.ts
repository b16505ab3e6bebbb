// The model manager as one service on the core: catalog and fit, downloads, import, delete, the
// active model, and the shared runtime every AI feature goes through (ensureReady).
import { EventEmitter } from 'node:events';
import { freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import { getSetting, setSetting } from '../app/service';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import type { LoadedInfo } from '../llm/protocol';
import { LlmRuntime, type RuntimeOptions, type RuntimeStatus } from '../llm/runtime';
import { physicalCores } from '../llm/threads';
import { catalogEntryById, localFileName, recommend, type CatalogChoice, type Hardware } from './catalog';
import { DownloadManager, type DownloadState } from './downloads';
import { customerLanguages, type CustomerLanguages } from './languages';
import { DEFAULT_HOSTS, DOWNLOAD_SOURCES, resolveDownload, type DownloadSource, type SourceHosts } from './sources';
import { ModelStore, type InstalledModel } from './store';

export interface ModelOptions extends RuntimeOptions {
  /** Folder for model files; defaults to <dataDir>/models. */
  dir?: string;
  /** Download hosts per source (tests point them at 127.0.0.1). */
  hosts?: Partial<SourceHosts>;
}

export type ModelEvent = { type: 'runtime'; status: RuntimeStatus } | { type: 'download'; download: DownloadState };

export interface CatalogView extends CatalogChoice {
  installed: boolean;
  /** Sources that carry this model. */
  sources: DownloadSource[];
  download: DownloadState | null;
}

const SOURCE = 'models.source';

import { modelMissing } from './missing';

// Failures that will repeat on every load of the same file.
const UNLOADABLE = new Set(['model_missing', 'model_invalid', 'model_load_failed', 'model_crashed']);

export class ModelServices {
  readonly events = new EventEmitter();
  readonly store: ModelStore;
  readonly downloads: DownloadManager;
  readonly llm: LlmRuntime;
  private readonly hosts: SourceHosts;

  constructor(
    private readonly db: Db,
    dataDir: string,
    opts: ModelOptions = {},
  ) {
    this.events.setMaxListeners(100);
    this.hosts = { ...DEFAULT_HOSTS, ...opts.hosts };
    this.store = new ModelStore(db, opts.dir ?? join(dataDir, 'models'));
    this.llm = new LlmRuntime(opts);
    this.downloads = new DownloadManager(db, this.store, (d) => {
      this.store.record(d.file, { catalogId: d.catalogId, check: d.check ?? 'none', sha256: d.sha256, source: d.source, installedAt: Date.now() });
      if (!this.store.activeFile()) this.store.setActive(d.file);
    });
    this.llm.events.on('status', (status: RuntimeStatus) => this.events.emit('event', { type: 'runtime', status } satisfies ModelEvent));
    this.downloads.events.on('download', (download: DownloadState) => this.events.emit('event', { type: 'download', download } satisfies ModelEvent));
  }

  source(): DownloadSource {
    const s = getSetting<string>(this.db, SOURCE, 'huggingface');
    return (DOWNLOAD_SOURCES as readonly string[]).includes(s) ? (s as DownloadSource) : 'huggingface';
  }

  setSource(source: DownloadSource): void {
    setSetting(this.db, SOURCE, source);
  }

  async hardware(): Promise<Hardware> {
    const gpu = await this.llm.probeGpu().catch(() => null);
    return { ramTotal: totalmem(), ramFree: freemem(), physicalCores: physicalCores(), threads: this.llm.getStatus().threads, gpu };
  }

  /**
   * The catalog for this machine and this shop: the recommendation follows the languages the
   * customers write in (`languages`, which the page puts in words), and the interface language
   * only while there are no customers to go by.
   */
  async catalog(interfaceLanguage: 'en' | 'zh'): Promise<{ hardware: Hardware; source: DownloadSource; languages: CustomerLanguages; models: CatalogView[] }> {
    const hardware = await this.hardware();
    const languages = customerLanguages(this.db, interfaceLanguage);
    const installed = new Set((await this.store.list()).map((m) => m.file));
    const models = recommend(hardware, languages).map((m) => ({
      ...m,
      installed: installed.has(localFileName(m)),
      sources: DOWNLOAD_SOURCES.filter((s) => resolveDownload(m, s) !== null),
      download: this.downloads.get(localFileName(m)) ?? null,
    }));
    return { hardware, source: this.source(), languages, models };
  }

  /** Downloads a catalog model from the chosen (or the configured) source. */
  async downloadCatalogModel(id: string, source = this.source()): Promise<DownloadState> {
    const entry = catalogEntryById(id);
    if (!entry) throw new AppError('not_found', `There is no model "${id}" in the catalog.`, 'id');
    const target = resolveDownload(entry, source, this.hosts);
    if (!target) throw new AppError('invalid_input', `${entry.name} is not available from ${source}; choose another download source.`, 'source');
    return this.downloads.start({ catalogId: id, file: localFileName(entry), url: target.url, source, sha256: target.sha256 });
  }

  /** Downloads a .gguf from a URL the person gave (a firm's own server). */
  async downloadUrl(url: string, file: string, sha256: string | null): Promise<DownloadState> {
    return this.downloads.start({ catalogId: null, file, url, source: new URL(url).host, sha256 });
  }

  async importFile(path: string): Promise<InstalledModel> {
    const model = await this.store.importFile(path);
    if (!this.store.activeFile()) this.store.setActive(model.file);
    return { ...model, active: this.store.activeFile() === model.file };
  }

  /**
   * Loads `file` and, once it has loaded, makes it the model every AI feature uses. A file that
   * cannot load is never made active: the previous model stays active (and is loaded again if it
   * was loaded), and the file keeps the reason on the model page.
   */
  async activate(file: string): Promise<LoadedInfo> {
    await this.checkFile(file);
    const before = this.llm.getStatus();
    const previous = before.state === 'ready' ? before.modelPath : null;
    try {
      const info = await this.load(file);
      this.store.setActive(file);
      return info;
    } catch (err) {
      if (previous && previous !== this.store.pathOf(file)) void this.llm.load(previous).catch(() => undefined);
      throw err;
    }
  }

  async remove(file: string): Promise<void> {
    const path = this.store.pathOf(file);
    if (this.llm.getStatus().modelPath === path) await this.llm.unload();
    await this.store.remove(file);
  }

  /**
   * The gate of every AI feature: the active model, checked and loaded, or an error saying what is
   * missing. An active model that can no longer load (deleted, damaged, refused by llama.cpp) stops
   * being the active one; running out of memory does not, since closing other programs mends it.
   */
  async ensureReady(): Promise<LoadedInfo> {
    const file = this.store.activeFile();
    if (!file) throw modelMissing();
    try {
      await this.checkFile(file);
      return await this.load(file);
    } catch (err) {
      if (err instanceof AppError && UNLOADABLE.has(err.code) && this.store.activeFile() === file) this.store.setActive(null);
      throw err;
    }
  }

  /** The header check of an installed file, as an error to throw. */
  private async checkFile(file: string): Promise<void> {
    const inspected = await this.store.inspect(file).catch(() => null);
    if (!inspected) {
      throw new AppError('model_missing', `The model "${file}" is no longer in the models folder (${this.store.dir}). Download or import it again, or choose another.`, 'file', { file });
    }
    if (inspected.error) throw new AppError(inspected.error.code, inspected.error.message, undefined, inspected.error.params);
  }

  /** Loads an installed file, keeping why it failed (or clearing that, when it works) for the model page. */
  private async load(file: string): Promise<LoadedInfo> {
    try {
      const info = await this.llm.load(this.store.pathOf(file));
      this.store.recordLoadError(file, null);
      return info;
    } catch (err) {
      if (err instanceof AppError && err.code !== 'cancelled') this.store.recordLoadError(file, err.toShape());
      throw err;
    }
  }

  /**
   * The context of the model loaded now, in tokens per sequence (what node-llama-cpp could give,
   * up to the runtime's contextSize): a prompt and its answer must fit in it. Null when none is loaded.
   */
  contextSize(): number | null {
    const s = this.llm.getStatus();
    return s.state === 'ready' ? (s.loaded?.contextSize ?? null) : null;
  }

  status(): { activeFile: string | null; runtime: RuntimeStatus } {
    return { activeFile: this.store.activeFile(), runtime: this.llm.getStatus() };
  }

  async close(): Promise<void> {
    await this.downloads.close();
    await this.llm.close();
  }
}
