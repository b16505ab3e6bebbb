// Which text encoding a CSV/TSV file is in, from its first bytes: a byte-order mark when there is
// one; UTF-16 without a BOM by its zero bytes; UTF-8 if the bytes are valid UTF-8; otherwise
// chardet's statistical guess, preferring GB18030 (the superset of GBK/GB2312 that Chinese Excel
// and WPS save CSVs in) when it reads the bytes cleanly.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DetectedEncoding {
  /** An iconv-lite encoding name: utf-8, utf-16le, utf-16be, gb18030, big5, shift_jis, windows-1252... */
  encoding: string;
  bom: boolean;
}

/** chardet's names → iconv-lite's; GBK-family guesses all read as GB18030. */
const FROM_CHARDET: Record<string, string> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  GB18030: 'gb18030',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'ISO-2022-JP': 'iso-2022-jp',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250',
  'ISO-8859-5': 'iso-8859-5',
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-9': 'windows-1254',
};

export function bomEncoding(bytes: Uint8Array): DetectedEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  return null;
}

/** UTF-16 without a BOM: ASCII-heavy text leaves every other byte zero. */
function utf16WithoutBom(bytes: Uint8Array): DetectedEncoding | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return { encoding: 'utf-16le', bom: false };
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return { encoding: 'utf-16be', bom: false };
  return null;
}

/** Valid UTF-8 (a sequence cut by the end of the sample is allowed when the sample is partial). */
export function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

const DOUBLE_BYTE = new Set(['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr']);

/**
 * Chinese text in GBK is runs of byte pairs at 0x80 and above; accented Latin text is mostly
 * single high bytes between ASCII letters.
 */
function looksDoubleByte(bytes: Uint8Array): boolean {
  let runs = 0;
  let odd = 0;
  const n = Math.min(bytes.length, 16384);
  for (let i = 0; i < n; ) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && bytes[j] >= 0x80) j++;
    runs++;
    if ((j - i) % 2 === 1 && j < n) odd++;
    i = j;
  }
  return runs > 0 && odd / runs < 0.2;
}

/** How many characters fail to decode, as a share of the characters. */
function badShare(bytes: Uint8Array, encoding: string): number {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 16384)), encoding);
  if (!text.length) return 1;
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad / text.length;
}

/**
 * The encoding of a text file from a sample of its first bytes. `complete` says the sample is
 * the whole file (so a cut multi-byte sequence at the end is an error, not the sample's edge).
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): DetectedEncoding {
  const bom = bomEncoding(sample);
  if (bom) return bom;
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return utf16;
  if (isUtf8(sample, complete)) return { encoding: 'utf-8', bom: false };
  const guesses = chardet
    .analyse(sample)
    .map((m) => ({ encoding: FROM_CHARDET[m.name], confidence: m.confidence }))
    .filter((g): g is { encoding: string; confidence: number } => !!g.encoding && iconv.encodingExists(g.encoding));
  const clean = (encoding: string) => badShare(sample, encoding) < 0.005;
  const top = guesses[0];
  if (top && DOUBLE_BYTE.has(top.encoding) && clean(top.encoding)) return { encoding: top.encoding, bom: false };
  // Short files with a few Chinese characters often look like Latin-1 to a statistical guess;
  // high bytes that come in pairs, read by GB18030 without a bad character, are better evidence.
  if (looksDoubleByte(sample) && clean('gb18030')) return { encoding: 'gb18030', bom: false };
  const best = guesses.find((g) => clean(g.encoding));
  if (best) return { encoding: best.encoding, bom: false };
  return { encoding: 'windows-1252', bom: false };
}
