// Decides whether a .gguf file is a model Patron can hand to llama.cpp, from its header alone,
// and describes it for the model page. node-llama-cpp's readGgufFileInfo reads the header; this
// module adds what that reader does not do and llama.cpp needs:
// - bounds: the reader trusts the file's own counts and lengths and reads zeros past its end, so a
//   header cut off by a download looks whole, and a damaged count makes it loop for hours (both
//   measured with 3.22). The counts are checked against the file size first, the read has a time
//   limit, and where the header and the weights must end is compared with the file's size;
// - the required keys: llama.cpp does not refuse a file without some of them politely, it aborts
//   the whole process (measured with 3.22 on a llama file without attention.head_count);
// - architectures the bundled llama.cpp does not know, which could never load.
// Every refusal is AppError('model_invalid') with the file and the reason as params.
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { GgufFileInfo } from 'node-llama-cpp';
import type { ModelFileReason, ModelProblemParams } from '../../shared/model-problems';
import { AppError } from '../errors';
import { tensorByteSize } from './tensor-sizes';

export interface ModelFileInfo {
  file: string;
  sizeBytes: number;
  architecture: string;
  name: string | null;
  /** Quantisation of most tensors, e.g. Q4_K_M. */
  quantization: string | null;
  parameters: number;
  contextLength: number;
  layers: number;
  vocabularySize: number;
  hasChatTemplate: boolean;
}

// Recurrent architectures have no attention heads; every other one needs them.
const NO_ATTENTION = new Set(['mamba', 'mamba2', 'rwkv6', 'rwkv6qwen2', 'rwkv7', 'arwkv7']);
// Dense transformers whose feed-forward size llama.cpp uses to shape tensors: a file without it
// does not fail politely, it aborts the process (measured with 3.22 on a llama file).
const NEEDS_FFN = new Set([
  'llama', 'mistral3', 'qwen2', 'qwen3', 'gemma', 'gemma2', 'gemma3', 'phi2', 'phi3', 'granite', 'olmo', 'olmo2',
  'internlm2', 'stablelm', 'starcoder2', 'command-r', 'cohere2', 'exaone', 'glm4', 'minicpm', 'baichuan', 'smollm3',
]);
// The smallest a metadata entry (key length, type, one byte) and a tensor entry (name length,
// dimension count, type, offset) can be: counts that cannot fit in the file are damage.
const MIN_KV_BYTES = 13;
const MIN_TENSOR_BYTES = 24;
const HEADER_BYTES = 24;
const GGUF_MAGIC = 'GGUF';
const READ_LIMIT_MS = 30_000;

function requiredKeys(arch: string): string[] {
  const keys = [`${arch}.block_count`, `${arch}.embedding_length`, `${arch}.context_length`];
  if (!NO_ATTENTION.has(arch)) keys.push(`${arch}.attention.head_count`);
  if (NEEDS_FFN.has(arch)) keys.push(`${arch}.feed_forward_length`);
  return keys;
}

type InvalidParams = Omit<ModelProblemParams['model_invalid'], 'file' | 'reason'>;

function invalid(name: string, reason: ModelFileReason, problem: string, params: InvalidParams = {}): AppError<'model_invalid'> {
  return new AppError('model_invalid', `The model file "${name}" ${problem}.`, undefined, { file: name, reason, ...params });
}

/** A metadata value by its dotted key ('llama.attention.head_count'); the reader nests keys by their dots. */
function metaAt(meta: object, key: string): unknown {
  let node: unknown = meta;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
    node = Object.getOwnPropertyDescriptor(node, part)?.value;
  }
  return node;
}

function metaNumber(meta: object, key: string): number | undefined {
  const v = metaAt(meta, key);
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'number') return first;
  if (typeof first === 'bigint') return Number(first);
  return undefined;
}

function metaString(meta: object, key: string): string | undefined {
  const v = metaAt(meta, key);
  return typeof v === 'string' ? v : undefined;
}

/** Magic, version and the two counts, checked against the file's size before the reader trusts them. */
async function checkFixedHeader(path: string, name: string, size: number): Promise<void> {
  const head = Buffer.alloc(HEADER_BYTES);
  const fh = await open(path, 'r');
  try {
    await fh.read(head, 0, HEADER_BYTES, 0);
  } finally {
    await fh.close();
  }
  if (size < 4 || head.toString('latin1', 0, 4) !== GGUF_MAGIC) throw invalid(name, 'not_gguf', 'is not a GGUF model file (it does not start with "GGUF")');
  if (size < HEADER_BYTES) throw invalid(name, 'truncated', `is incomplete: it ends at byte ${size}, inside its header (a download or copy was cut off)`);
  const version = head.readUInt32LE(4);
  if (version !== 2 && version !== 3) throw invalid(name, 'unsupported_version', `uses GGUF version ${version}; only versions 2 and 3 are supported`, { version });
  const tensors = head.readBigUInt64LE(8);
  const kvs = head.readBigUInt64LE(16);
  if (tensors * BigInt(MIN_TENSOR_BYTES) + kvs * BigInt(MIN_KV_BYTES) > BigInt(size)) {
    throw invalid(name, 'truncated', `is incomplete: its header lists ${tensors} tensors and ${kvs} settings, more than its ${size} bytes can hold (a download or copy was cut off, or the file is damaged)`);
  }
}

async function readInfo(path: string, name: string): Promise<GgufFileInfo> {
  const { readGgufFileInfo } = await import('node-llama-cpp');
  try {
    return await readGgufFileInfo(path, {
      sourceType: 'filesystem',
      logWarnings: false,
      spliceSplitFiles: false,
      // Large arrays nothing here uses: skipped, not kept.
      ignoreKeys: ['tokenizer.ggml.merges', 'tokenizer.ggml.scores', 'tokenizer.ggml.token_type'],
      signal: AbortSignal.timeout(READ_LIMIT_MS),
    });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw invalid(name, 'corrupt', `is damaged: its header cannot be read (${detail})`, { detail });
  }
}

/** The architectures the bundled llama.cpp knows (empty if the list cannot be read: then none is refused for it). */
async function knownArchitectures(): Promise<string[]> {
  // GgufArchitectureType is declared a const enum, which isolated modules may not read by name,
  // though the module carries it as a plain object: so the module is looked at as unknown data.
  const moduleName = 'node-llama-cpp';
  const llamaCpp: unknown = await import(moduleName);
  const archs: unknown = typeof llamaCpp === 'object' && llamaCpp !== null ? Reflect.get(llamaCpp, 'GgufArchitectureType') : undefined;
  return typeof archs === 'object' && archs !== null ? Object.values(archs).filter((v) => typeof v === 'string') : [];
}

function quantizationName(fileType: number | undefined, names: Record<number, string>): string | null {
  if (fileType === undefined) return null;
  const name = names[fileType];
  return name ? name.replace(/^(MOSTLY|ALL)_/, '') : `type ${fileType}`;
}

function describe(path: string, name: string, size: number, info: GgufFileInfo, known: { architectures: string[]; fileTypes: Record<number, string> }): ModelFileInfo {
  const meta = info.metadata;
  if (info.infoEndOffset !== undefined && info.infoEndOffset > size) {
    throw invalid(name, 'truncated', `is incomplete: it ends at byte ${size}, inside its header (a download or copy was cut off)`);
  }
  const arch = metaString(meta, 'general.architecture');
  if (!arch) throw invalid(name, 'no_architecture', 'does not say which model architecture it is (general.architecture is missing)');
  if (known.architectures.length > 0 && !known.architectures.includes(arch)) {
    throw invalid(name, 'unsupported_architecture', `is a "${arch}" model, which the bundled llama.cpp cannot run`, { arch });
  }
  if ((metaNumber(meta, 'split.count') ?? 1) > 1) throw invalid(name, 'split', 'is one part of a model split into several files; use a single-file .gguf');
  const missing = requiredKeys(arch).filter((k) => (metaNumber(meta, k) ?? 0) <= 0);
  if (missing.length) {
    throw invalid(name, 'missing_keys', `lacks required settings for a ${arch} model (${missing.join(', ')}); it is damaged or was written by a broken converter`, { arch, keys: missing });
  }
  const tokens = metaAt(meta, 'tokenizer.ggml.tokens');
  if (metaAt(meta, 'tokenizer.ggml.model') === undefined || !Array.isArray(tokens)) throw invalid(name, 'no_tokenizer', 'has no tokenizer, so it cannot read or write text');
  const tensors = info.tensorInfo ?? [];
  if (tensors.length === 0) throw invalid(name, 'no_weights', 'contains no weights');

  let dataEnd = 0;
  let parameters = 0;
  for (const t of tensors) {
    const dims = t.dimensions.map(Number);
    parameters += dims.reduce((a, b) => a * b, 1);
    dataEnd = Math.max(dataEnd, Number(t.fileOffset) + (tensorByteSize(t.ggmlType, dims) ?? 0));
  }
  if (dataEnd > size) throw invalid(name, 'truncated', `is incomplete: its weights need ${dataEnd} bytes but the file has only ${size} (a download or copy was cut off)`);
  return {
    file: path,
    sizeBytes: size,
    architecture: arch,
    name: metaString(meta, 'general.name') ?? null,
    quantization: quantizationName(metaNumber(meta, 'general.file_type'), known.fileTypes),
    parameters,
    contextLength: metaNumber(meta, `${arch}.context_length`) ?? 0,
    layers: metaNumber(meta, `${arch}.block_count`) ?? 0,
    vocabularySize: tokens.length,
    hasChatTemplate: metaString(meta, 'tokenizer.chat_template') !== undefined,
  };
}

/**
 * Reads and checks the header; throws AppError('model_invalid' with file and reason, or 'not_found').
 * `name` is the file errors name: a partial download or copy is checked under its model's name.
 */
export async function inspectModelFile(path: string, name = basename(path)): Promise<ModelFileInfo> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw invalid(name, 'folder', 'is a folder, not a file');
    size = s.size;
    await checkFixedHeader(path, name, size);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') throw new AppError('not_found', `The model file "${path}" does not exist.`);
    const detail = err instanceof Error ? err.message : String(err);
    throw invalid(name, 'unreadable', `could not be read (${detail})`, { detail });
  }
  const info = await readInfo(path, name);
  const { GgufFileType } = await import('node-llama-cpp');
  const fileTypes: Record<number, string> = {};
  for (const [typeName, value] of Object.entries(GgufFileType)) if (typeof value === 'number') fileTypes[value] = typeName;
  return describe(path, name, size, info, { architectures: await knownArchitectures(), fileTypes });
}
