// Hands a file the person picked to the core: the page cannot give the core a path (a browser
// never reveals one), so the bytes go over in base64 chunks, in order, and the core answers with
// the path of its copy. The same works inside Electron.
import { api } from '../api/client';

/** 2 MiB of file per call: about 2.7 MB of base64, well under the core's 12 MB limit. */
const CHUNK_BYTES = 2 * 1024 * 1024;

export interface UploadProgress {
  sent: number;
  total: number;
}

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

export class UploadCancelled extends Error {
  constructor() {
    super('Upload cancelled');
    this.name = 'UploadCancelled';
  }
}

/** Uploads `file` and returns the path of the core's copy. */
export async function uploadFile(file: File, onProgress: (p: UploadProgress) => void, signal?: AbortSignal): Promise<{ path: string; size: number }> {
  const { uploadId } = await api.import.uploadStart.mutate({ fileName: file.name, size: file.size });
  let offset = 0;
  onProgress({ sent: 0, total: file.size });
  while (offset < file.size) {
    if (signal?.aborted) throw new UploadCancelled();
    const data = await base64Of(file.slice(offset, offset + CHUNK_BYTES));
    const { received } = await api.import.uploadChunk.mutate({ uploadId, offset, data });
    offset = received;
    onProgress({ sent: offset, total: file.size });
  }
  if (signal?.aborted) throw new UploadCancelled();
  return api.import.uploadFinish.mutate({ uploadId });
}
