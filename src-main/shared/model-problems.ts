// The local model's problems as codes with parameters: a model file that is not usable (and why),
// a load that failed or ran out of memory, a model process that died, a download the server
// refused, that broke off, that arrived damaged or did not fit on the disk. Every parameter is
// optional (an error stored by an older version still has words); `detail` is the raw text behind
// a problem (llama.cpp's log, the network error, the process's exit), shown behind "Details" and
// never as the message itself. Pure: the renderer imports it.

/** Why a .gguf file is refused before anything native reads it (model_invalid). */
export type ModelFileReason =
  | 'not_gguf'
  | 'unsupported_version'
  | 'truncated'
  | 'corrupt'
  | 'no_architecture'
  | 'unsupported_architecture'
  | 'split'
  | 'missing_keys'
  | 'no_tokenizer'
  | 'no_weights'
  | 'folder'
  | 'unreadable';

/** Why a download stopped that a resume may fix (download_failed). */
export type DownloadFailReason = 'network' | 'redirects' | 'bad_resume';

export interface ModelProblemParams {
  /** No model installed (no `file`), or the named one is no longer in the models folder. */
  model_missing: { file?: string };
  model_invalid: { file?: string; reason?: ModelFileReason; arch?: string; keys?: string[]; version?: number; detail?: string };
  /** llama.cpp refused the file; `detail` is what it logged. */
  model_load_failed: { file?: string; detail?: string };
  model_out_of_memory: { file?: string; detail?: string };
  /** The model process died while loading the file (`during: 'load'`) or while generating. */
  model_crashed: { file?: string; during?: 'load' | 'run'; detail?: string };
  model_output_invalid: { detail?: string };
  download_failed: { file?: string; reason?: DownloadFailReason; detail?: string };
  /** The server answered with an HTTP error status instead of the file. */
  download_refused: { file?: string; status?: number; host?: string };
  download_checksum: { file?: string; check?: 'catalog' | 'server'; expected?: string; actual?: string };
  download_disk_full: { file?: string; detail?: string };
}

export type ModelProblemCode = keyof ModelProblemParams;

/**
 * Whether trying a download again can help. A file that is not a usable model, or an address the
 * server says does not exist or may not be fetched, will fail the same way every time.
 */
export function downloadRetryable(error: { code: string; params?: object }): boolean {
  switch (error.code) {
    case 'download_failed':
    case 'download_checksum':
    case 'download_disk_full':
      return true;
    case 'download_refused': {
      const p = error.params;
      const status = p && 'status' in p && typeof p.status === 'number' ? p.status : 0;
      return status >= 500 || status === 408 || status === 429;
    }
    default:
      return false;
  }
}
