// Reads a GGUF file's header (metadata and tensor table) without loading any weights, in plain
// JavaScript: llama.cpp aborts the whole process on some malformed files, so nothing native may
// see a file before this has looked at it. Large arrays (the vocabulary) are skipped, not kept.
import { open, type FileHandle } from 'node:fs/promises';
import { GGUF_MAGIC, GGUF_SCALAR_SIZE, GgufValueType } from './gguf-format';

export type GgufScalar = number | bigint | boolean | string;
/** Arrays keep their length, and their values only when short (per-layer settings). */
export interface GgufArray {
  arrayType: GgufValueType;
  length: number;
  values?: GgufScalar[];
}
export type GgufValue = GgufScalar | GgufArray;

export interface GgufTensor {
  name: string;
  dims: number[];
  ggmlType: number;
  /** Relative to the start of the tensor data section. */
  offset: number;
}

export interface GgufHeader {
  version: number;
  metadata: Map<string, GgufValue>;
  tensors: GgufTensor[];
  /** Where the header ends (before alignment padding). */
  headerBytes: number;
  fileSize: number;
}

/** The file ended inside the header. */
export class GgufTruncatedError extends Error {}
/** Not a GGUF file, or one this reader cannot make sense of. */
export class GgufFormatError extends Error {}

const CHUNK = 1 << 20;
const KEEP_ARRAY_VALUES = 256;
const MAX_STRING = 16 << 20;

class ChunkReader {
  private buf = Buffer.alloc(0);
  private bufStart = 0;
  pos = 0;

  constructor(
    private readonly fh: FileHandle,
    readonly fileSize: number,
  ) {}

  /** Makes bytes [pos, pos+n) available in the buffer. */
  async need(n: number): Promise<void> {
    if (this.pos + n > this.fileSize) throw new GgufTruncatedError(`ends at byte ${this.fileSize}, inside its header`);
    if (this.pos >= this.bufStart && this.pos + n <= this.bufStart + this.buf.length) return;
    const size = Math.max(n, CHUNK);
    const fresh = Buffer.alloc(Math.min(size, this.fileSize - this.pos));
    const { bytesRead } = await this.fh.read(fresh, 0, fresh.length, this.pos);
    this.buf = fresh.subarray(0, bytesRead);
    this.bufStart = this.pos;
    if (bytesRead < n) throw new GgufTruncatedError(`ends at byte ${this.pos + bytesRead}, inside its header`);
  }

  private at(n: number): number {
    const o = this.pos - this.bufStart;
    this.pos += n;
    return o;
  }

  async u32() {
    await this.need(4);
    return this.buf.readUInt32LE(this.at(4));
  }

  async u64(): Promise<number> {
    await this.need(8);
    const v = this.buf.readBigUInt64LE(this.at(8));
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufFormatError(`has an impossible count or size (${v})`);
    return Number(v);
  }

  async string(keep = true): Promise<string> {
    const len = await this.u64();
    if (len > MAX_STRING) throw new GgufFormatError(`has a ${len}-byte string in its header, which no real model has`);
    if (!keep) {
      this.pos += len;
      if (this.pos > this.fileSize) throw new GgufTruncatedError(`ends at byte ${this.fileSize}, inside its header`);
      return '';
    }
    await this.need(len);
    const o = this.at(len);
    return this.buf.toString('utf8', o, o + len);
  }

  async scalar(type: GgufValueType): Promise<GgufScalar> {
    if (type === GgufValueType.STRING) return this.string();
    const size = GGUF_SCALAR_SIZE[type];
    if (size === undefined) throw new GgufFormatError(`uses an unknown metadata value type (${type})`);
    await this.need(size);
    const o = this.at(size);
    const b = this.buf;
    switch (type) {
      case GgufValueType.UINT8: return b.readUInt8(o);
      case GgufValueType.INT8: return b.readInt8(o);
      case GgufValueType.UINT16: return b.readUInt16LE(o);
      case GgufValueType.INT16: return b.readInt16LE(o);
      case GgufValueType.UINT32: return b.readUInt32LE(o);
      case GgufValueType.INT32: return b.readInt32LE(o);
      case GgufValueType.FLOAT32: return b.readFloatLE(o);
      case GgufValueType.BOOL: return b.readUInt8(o) !== 0;
      case GgufValueType.UINT64: return b.readBigUInt64LE(o);
      case GgufValueType.INT64: return b.readBigInt64LE(o);
      default: return b.readDoubleLE(o);
    }
  }

  async value(type: GgufValueType): Promise<GgufValue> {
    if (type !== GgufValueType.ARRAY) return this.scalar(type);
    const arrayType = (await this.u32()) as GgufValueType;
    const length = await this.u64();
    if (arrayType === GgufValueType.ARRAY) throw new GgufFormatError('nests arrays in its metadata, which llama.cpp does not read');
    const keep = length <= KEEP_ARRAY_VALUES;
    const values: GgufScalar[] = [];
    const size = GGUF_SCALAR_SIZE[arrayType];
    if (!keep && size !== undefined) {
      // Fixed-size elements: jump over them at once.
      this.pos += size * length;
      if (this.pos > this.fileSize) throw new GgufTruncatedError(`ends at byte ${this.fileSize}, inside its header`);
    } else {
      for (let i = 0; i < length; i++) {
        if (arrayType === GgufValueType.STRING) values.push(await this.string(keep));
        else values.push(await this.scalar(arrayType));
      }
    }
    return { arrayType, length, ...(keep ? { values } : {}) };
  }
}

export async function readGgufHeader(file: string): Promise<GgufHeader> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const r = new ChunkReader(fh, size);
    if (size < 4 || (await r.u32()) !== GGUF_MAGIC) throw new GgufFormatError('is not a GGUF model file (it does not start with "GGUF")');
    const version = await r.u32();
    if (version !== 2 && version !== 3) throw new GgufFormatError(`uses GGUF version ${version}; only versions 2 and 3 are supported`);
    const tensorCount = await r.u64();
    const kvCount = await r.u64();
    const metadata = new Map<string, GgufValue>();
    for (let i = 0; i < kvCount; i++) {
      const key = await r.string();
      const type = (await r.u32()) as GgufValueType;
      metadata.set(key, await r.value(type));
    }
    const tensors: GgufTensor[] = [];
    for (let i = 0; i < tensorCount; i++) {
      const name = await r.string();
      const nDims = await r.u32();
      if (nDims > 8) throw new GgufFormatError(`has a tensor "${name}" with ${nDims} dimensions`);
      const dims: number[] = [];
      for (let d = 0; d < nDims; d++) dims.push(await r.u64());
      const ggmlType = await r.u32();
      const offset = await r.u64();
      tensors.push({ name, dims, ggmlType, offset });
    }
    return { version, metadata, tensors, headerBytes: r.pos, fileSize: size };
  } finally {
    await fh.close();
  }
}

/** A metadata value as a plain number, or undefined (arrays give their first value). */
export function metaNumber(meta: Map<string, GgufValue>, key: string): number | undefined {
  const v = meta.get(key);
  const first = typeof v === 'object' && v !== null && 'arrayType' in v ? v.values?.[0] : v;
  if (typeof first === 'number') return first;
  if (typeof first === 'bigint') return Number(first);
  return undefined;
}

export function metaString(meta: Map<string, GgufValue>, key: string): string | undefined {
  const v = meta.get(key);
  return typeof v === 'string' ? v : undefined;
}
