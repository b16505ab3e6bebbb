// The catalog of recommended models (models/catalog.json, validated at load) and which of them
// suit this machine (its RAM, its GPU's memory) and the shop: the languages its customers write in.
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
  /** Where the entry's numbers came from. */
  notes: z.string().optional(),
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

/** The languages a shop's customers write in: each one's share (0..1, summing to 1) and what they were counted from. */
export interface LanguageMix {
  zh: number;
  en: number;
  other: number;
  /** Messages (or customers) counted; 0 when the mix is the interface language's. */
  count: number;
  basis: 'messages' | 'customers' | 'interface';
}

export type MixLanguage = 'zh' | 'en' | 'other';

// A language with at least a tenth of the messages is one the model must write well: a reply in
// broken Chinese to one customer in ten is a reply the owner cannot send.
export const REAL_SHARE = 0.1;

/** The languages with a real share, Chinese and English first. */
export function languagesNeeded(mix: LanguageMix): MixLanguage[] {
  return (['zh', 'en', 'other'] as const).filter((l) => mix[l] >= REAL_SHARE);
}

const QUALITY_SCORE = { good: 1, fair: 0.5, poor: 0 } as const;

/**
 * Every entry with its fit, and one recommended: among the models that run comfortably here and
 * whose licence allows business use, one good in every language the customers really write in,
 * the largest such; when none is good in all of them, the best by share of messages, then size.
 */
export function recommend(hw: Hardware, mix: LanguageMix): CatalogChoice[] {
  const needed = languagesNeeded(mix);
  const goodInAll = (e: CatalogEntry) => needed.every((l) => e.languages[l] === 'good');
  const byShare = (e: CatalogEntry) => needed.reduce((sum, l) => sum + mix[l] * QUALITY_SCORE[e.languages[l]], 0);
  const withFit = CATALOG.map((e) => ({ ...e, fit: fitOf(e, hw) }));
  const business = withFit.filter((e) => e.commercialUse);
  const comfortable = business.filter((e) => e.fit === 'gpu' || (e.fit === 'cpu' && e.parameters <= CPU_COMFORT_PARAMS));
  const best =
    [...comfortable].sort((a, b) => Number(goodInAll(b)) - Number(goodInAll(a)) || byShare(b) - byShare(a) || b.parameters - a.parameters)[0] ??
    business.filter((e) => e.fit !== 'too_big').sort((a, b) => a.parameters - b.parameters)[0];
  return withFit.map((e) => ({ ...e, recommended: e.id === best?.id }));
}
