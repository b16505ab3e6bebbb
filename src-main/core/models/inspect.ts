// Decides whether a .gguf file is a model Patron can hand to llama.cpp, from its header alone,
// and describes it for the model page. Every refusal names the file and the problem.
import { basename } from 'node:path';
import { AppError } from '../errors';
import { alignUp, GGUF_DEFAULT_ALIGNMENT, GGUF_FILE_TYPE_NAMES, tensorByteSize } from './gguf-format';
import { GgufFormatError, GgufTruncatedError, metaNumber, metaString, readGgufHeader, type GgufHeader } from './gguf-reader';

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

function requiredKeys(arch: string): string[] {
  const keys = [`${arch}.block_count`, `${arch}.embedding_length`, `${arch}.context_length`];
  if (!NO_ATTENTION.has(arch)) keys.push(`${arch}.attention.head_count`);
  if (NEEDS_FFN.has(arch)) keys.push(`${arch}.feed_forward_length`);
  return keys;
}

function invalid(file: string, problem: string): AppError {
  return new AppError('model_invalid', `The model file "${basename(file)}" ${problem}.`);
}

function checkHeader(file: string, h: GgufHeader): ModelFileInfo {
  const meta = h.metadata;
  const arch = metaString(meta, 'general.architecture');
  if (!arch) throw invalid(file, 'does not say which model architecture it is (general.architecture is missing)');
  if ((metaNumber(meta, 'split.count') ?? 1) > 1) throw invalid(file, 'is one part of a model split into several files; use a single-file .gguf');
  const missing = requiredKeys(arch).filter((k) => metaNumber(meta, k) === undefined || metaNumber(meta, k)! <= 0);
  if (missing.length) throw invalid(file, `lacks required settings for a ${arch} model (${missing.join(', ')}); it is damaged or was written by a broken converter`);
  if (!meta.has('tokenizer.ggml.model') || !meta.has('tokenizer.ggml.tokens')) throw invalid(file, 'has no tokenizer, so it cannot read or write text');
  if (h.tensors.length === 0) throw invalid(file, 'contains no weights');

  const alignment = metaNumber(meta, 'general.alignment') ?? GGUF_DEFAULT_ALIGNMENT;
  const dataStart = alignUp(h.headerBytes, alignment);
  let dataEnd = dataStart;
  let parameters = 0;
  for (const t of h.tensors) {
    const elements = t.dims.reduce((a, b) => a * b, 1);
    parameters += elements;
    const bytes = tensorByteSize(t.ggmlType, t.dims);
    dataEnd = Math.max(dataEnd, dataStart + t.offset + (bytes ?? 0));
  }
  if (dataEnd > h.fileSize) {
    throw invalid(file, `is incomplete: its weights need ${dataEnd} bytes but the file has only ${h.fileSize} (a download or copy was cut off)`);
  }
  const tokens = meta.get('tokenizer.ggml.tokens');
  const fileType = metaNumber(meta, 'general.file_type');
  return {
    file,
    sizeBytes: h.fileSize,
    architecture: arch,
    name: metaString(meta, 'general.name') ?? null,
    quantization: fileType === undefined ? null : (GGUF_FILE_TYPE_NAMES[fileType] ?? `type ${fileType}`),
    parameters,
    contextLength: metaNumber(meta, `${arch}.context_length`)!,
    layers: metaNumber(meta, `${arch}.block_count`)!,
    vocabularySize: typeof tokens === 'object' && tokens !== null && 'length' in tokens ? tokens.length : 0,
    hasChatTemplate: typeof metaString(meta, 'tokenizer.chat_template') === 'string',
  };
}

/** Reads and checks the header; throws AppError('model_invalid' | 'not_found') naming the file. */
export async function inspectModelFile(file: string): Promise<ModelFileInfo> {
  let header: GgufHeader;
  try {
    header = await readGgufHeader(file);
  } catch (err) {
    if (err instanceof GgufTruncatedError) throw invalid(file, `is incomplete: it ${err.message} (a download or copy was cut off)`);
    if (err instanceof GgufFormatError) throw invalid(file, err.message);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not_found', `The model file "${file}" does not exist.`);
    if (code === 'EISDIR') throw invalid(file, 'is a folder, not a file');
    throw invalid(file, `could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
  return checkHeader(file, header);
}
