// Where a catalog model is downloaded from. Many users are in mainland China where the usual
// host is unreachable, so the source is a setting: the original host, a mirror of it that serves
// the very same files (hf-mirror), or ModelScope, which carries the publisher's own copy.
import { z } from 'zod';
import { DOWNLOAD_SOURCES } from '../../shared/download-sources';
import type { CatalogEntry } from './catalog';

export { DOWNLOAD_SOURCES };
export const downloadSource = z.enum(DOWNLOAD_SOURCES);
export type DownloadSource = z.infer<typeof downloadSource>;

export interface ResolvedDownload {
  url: string;
  /** From the catalog; null when only the server (or nothing) can vouch for the file. */
  sha256: string | null;
  source: DownloadSource;
}

export type SourceHosts = Record<DownloadSource, string>;

export const DEFAULT_HOSTS: SourceHosts = {
  huggingface: 'https://huggingface.co',
  'hf-mirror': 'https://hf-mirror.com',
  modelscope: 'https://modelscope.cn',
};

/** The URL for `entry` from `source`, or null when that source does not carry it. */
export function resolveDownload(entry: CatalogEntry, source: DownloadSource, hosts: SourceHosts = DEFAULT_HOSTS): ResolvedDownload | null {
  if (source === 'modelscope') {
    const ms = entry.modelscope;
    if (!ms) return null;
    return { url: `${hosts.modelscope}/models/${ms.repo}/resolve/${ms.revision}/${encodeURIComponent(ms.file)}`, sha256: ms.sha256, source };
  }
  const hf = entry.huggingface;
  // hf-mirror serves Hugging Face's paths unchanged, so only the host differs.
  return { url: `${hosts[source]}/${hf.repo}/resolve/${hf.revision}/${encodeURIComponent(hf.file)}`, sha256: hf.sha256, source };
}
