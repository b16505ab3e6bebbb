// The catalog of recommended models (models/catalog.json, validated at load) and which of them
// suit this machine: its RAM, its GPU's memory and the language the shop writes in.
import { z } from 'zod';
import catalogJson from '../../../models/catalog.json';
import type { GpuInfo } from '../llm/protocol';

const fileRef = z.object({
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  revision: z.string().min(1),
  file: z.string().endsWith('.gguf'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
});
const quality = z.enum(['good', 'fair', 'poor']);

export const catalogEntry = z.object({
  id: z.string().regex(/^[a-z0-9.-]+$/),
  name: z.string(),
  family: z.string(),
  /** Billions of parameters. */
  parameters: z.number().positive(),
  quantization: z.string(),
  sizeBytes: z.number().int().positive(),
  ramGb: z.number().positive(),
  vramGb: z.number().positive(),
  languages: z.object({ zh: quality, en: quality, other: quality }),
  licence: z.string(),
  /** Whether the licence allows a business to use it; only such models are recommended to shops. */
  commercialUse: z.boolean().default(true),
  licenceUrl: z.string().url(),
  summary: z.string(),
  huggingface: fileRef,
  modelscope: fileRef.nullable(),
});
export type CatalogEntry = z.infer<typeof catalogEntry>;

const catalogSchema = z.object({ version: z.literal(1), notes: z.string(), models: z.array(catalogEntry).min(1) });

export const CATALOG: CatalogEntry[] = catalogSchema.parse(catalogJson).models;

export function catalogEntryById(id: string): CatalogEntry | undefined {
  return CATALOG.find((m) => m.id === id);
}

/** The name a catalog model is saved under, whatever source it came from. */
export function localFileName(entry: CatalogEntry): string {
  return `${entry.id}-${entry.quantization.toLowerCase()}.gguf`;
}

export interface Hardware {
  ramTotal: number;
  ramFree: number;
  physicalCores: number;
  threads: number;
  gpu: GpuInfo | null;
}

export type Fit = 'gpu' | 'cpu' | 'too_big';

export interface CatalogChoice extends CatalogEntry {
  fit: Fit;
  recommended: boolean;
}

const GB = 1024 ** 3;
// The OS, Electron and the database want about this much besides the model.
const RAM_HEADROOM_GB = 2;
// Above this size a CPU-only laptop generates too slowly (a few tokens/s) to be pleasant.
const CPU_COMFORT_PARAMS = 3.5;

export function fitOf(entry: CatalogEntry, hw: Hardware): Fit {
  if (hw.gpu?.gpu && hw.gpu.vramTotal / GB >= entry.vramGb) return 'gpu';
  if (hw.ramTotal / GB >= entry.ramGb + RAM_HEADROOM_GB) return 'cpu';
  return 'too_big';
}

/**
 * Every entry with its fit, and one recommended: the largest comfortable model whose licence
 * allows business use, preferring the shop's language.
 */
export function recommend(hw: Hardware, language: 'en' | 'zh'): CatalogChoice[] {
  const withFit = CATALOG.map((e) => ({ ...e, fit: fitOf(e, hw) }));
  const comfortable = withFit.filter((e) => e.commercialUse && (e.fit === 'gpu' || (e.fit === 'cpu' && e.parameters <= CPU_COMFORT_PARAMS)));
  const score = (e: CatalogEntry) => (e.languages[language] === 'good' ? 100 : 0) + e.parameters;
  const best = [...comfortable].sort((a, b) => score(b) - score(a))[0] ?? withFit.filter((e) => e.fit !== 'too_big').sort((a, b) => a.parameters - b.parameters)[0];
  return withFit.map((e) => ({ ...e, recommended: e.id === best?.id }));
}
