// Saving a file the core produced: the page reads its bytes in chunks (export.read) and hands
// them to the browser as a download. Electron shows its own save dialog for the same download.
import { api } from '../api/client';

const MIME: Record<string, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html;charset=utf-8',
};

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Offers `blob` to the person as a download named `name`. */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own reference by now; give slow browsers a moment anyway.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Reads an export file from the core's exports folder, whole. */
export async function readExportFile(fileName: string, onProgress?: (read: number, size: number) => void): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await api.export.read.query({ fileName, offset });
    const bytes = bytesOf(chunk.data);
    parts.push(bytes);
    offset += bytes.length;
    onProgress?.(offset, chunk.size);
    if (chunk.done || bytes.length === 0) break;
  }
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  return new Blob(parts, { type: MIME[ext] ?? 'application/octet-stream' });
}
