// The model host's failures in the core's error shape. llama.cpp says little in its exceptions
// ("Failed to load model") and the real cause in its log, so the log lines gathered around a
// failure travel as `detail`; running out of memory gets its own code, since its remedy (close
// programs, a smaller model) is not a broken file's.
import { basename } from 'node:path';
import type { GpuKind, HostError } from './protocol';

// What llama.cpp and ggml log when an allocation fails, on the CPU or a GPU backend.
const OUT_OF_MEMORY = /out of memory|failed to allocate|unable to allocate|cannot allocate|insufficient memory|ErrorOutOfDeviceMemory/i;

const text = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A failed model load or context creation; `log` is what llama.cpp logged meanwhile. */
export function loadFailure(err: unknown, modelPath: string, log: readonly string[], gpu?: GpuKind): HostError {
  const logged = log.filter((l) => !/failed to load model$/i.test(l)).join('\n');
  const detail = logged || text(err);
  const file = basename(modelPath);
  // By name, not instanceof: importing node-llama-cpp here would load it (about a second) into
  // every core that starts, the command line's included, though only the model host needs it.
  const oom = (err instanceof Error && err.constructor.name === 'InsufficientMemoryError') || OUT_OF_MEMORY.test(`${text(err)}\n${logged}`);
  return oom
    ? { code: 'model_out_of_memory', message: `There is not enough memory to load the model file "${file}": ${detail}`, params: { file, detail }, gpu }
    : { code: 'model_load_failed', message: `The model file "${file}" could not be loaded: ${detail}`, params: { file, detail }, gpu };
}

/** Anything else that failed in the host (a generation, a grammar). */
export function hostFailure(err: unknown): HostError {
  return { code: 'internal', message: `The model failed: ${text(err)}`, params: { detail: text(err) } };
}
