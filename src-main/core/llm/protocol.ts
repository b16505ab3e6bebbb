// Messages between the core and the model host process (child_process IPC, JSON). The model lives
// in its own process because llama.cpp aborts the whole process on some bad inputs; the core
// survives that and reports it.

export interface LoadRequest {
  modelPath: string;
  /** 'auto' lets node-llama-cpp pick CUDA, Vulkan or Metal; false forces the CPU. */
  gpu: 'auto' | false;
  threads: number;
  /** Parallel sequences in the one context (bulk work runs several at once). */
  sequences: number;
  /** Upper bound of each sequence's context, in tokens. */
  contextSize: number;
}

export type GpuKind = 'cuda' | 'vulkan' | 'metal' | false;

export interface GpuInfo {
  gpu: GpuKind;
  devices: string[];
  vramTotal: number;
  vramUsed: number;
}

export interface LoadedInfo extends GpuInfo {
  modelPath: string;
  gpuLayers: number;
  totalLayers: number;
  threads: number;
  sequences: number;
  contextSize: number;
  chatWrapper: string;
  loadMs: number;
  /** Set when a GPU was found but could not load the model, so it runs on the CPU: llama.cpp's words for why. */
  fallback: string | null;
}

export interface GenerateParams {
  system?: string;
  prompt: string;
  maxTokens: number;
  /** 0 = greedy (deterministic). */
  temperature: number;
  /** A JSON schema in node-llama-cpp's supported subset: output is constrained by its grammar. */
  jsonSchema?: object;
  /** Send text chunks as they come (otherwise only the final text). */
  stream: boolean;
}

export interface BatchParams {
  /** Shared by every item: each sequence evaluates it once and reuses it. */
  system: string;
  prompts: string[];
  maxTokens: number;
  temperature: number;
  jsonSchema?: object;
  /** At most this many sequences at once. */
  parallel: number;
}

export interface GenerationStats {
  /** Generated tokens. */
  tokens: number;
  /** Prompt tokens evaluated (after reusing what the sequence already held). */
  promptTokens: number;
  ms: number;
  /** Time to the first generated token. */
  firstTokenMs: number;
}

export interface GenerateResult extends GenerationStats {
  text: string;
  /** Stopped by an abort: `text` is what was generated until then. */
  aborted: boolean;
}

export interface BatchItemResult {
  index: number;
  text: string;
  tokens: number;
}

export interface BatchResult extends GenerationStats {
  items: BatchItemResult[];
  aborted: boolean;
}

export type ToHost =
  | { type: 'probe' }
  | { type: 'load'; request: LoadRequest }
  | { type: 'generate'; id: number; params: GenerateParams }
  | { type: 'batch'; id: number; params: BatchParams }
  | { type: 'abort'; id: number };

/**
 * An error from the model host, in the core's one error shape: a code the UI words, the file it
 * concerns, and llama.cpp's own words in `detail` (the real cause behind "Failed to load model").
 */
export type HostErrorCode = 'model_load_failed' | 'model_out_of_memory' | 'internal';
export interface HostError {
  code: HostErrorCode;
  message: string;
  params: { file?: string; detail?: string };
  /** The GPU the runtime was using when it failed (load failures only). */
  gpu?: GpuKind;
}

export type FromHost =
  | { type: 'ready' }
  | { type: 'probed'; info: GpuInfo }
  | { type: 'loaded'; info: LoadedInfo }
  | { type: 'load_failed'; error: HostError }
  | { type: 'chunk'; id: number; text: string }
  | { type: 'item'; id: number; item: BatchItemResult }
  | { type: 'generated'; id: number; result: GenerateResult }
  | { type: 'batched'; id: number; result: BatchResult }
  | { type: 'failed'; id: number; error: HostError };
