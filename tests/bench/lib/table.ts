// Aligned plain-text tables for bench output. CJK characters count as two columns.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

export type Cell = string | number | boolean | null | undefined;

function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'boolean') return c ? 'yes' : 'NO';
  return String(c);
}

/** Formats rows under headers; numeric columns are right-aligned. */
export function formatTable(headers: string[], rows: Cell[][]): string {
  const text = rows.map((r) => headers.map((_, i) => cellText(r[i])));
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...text.map((r) => displayWidth(r[i]))));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || r[i] === undefined || r[i] === '' || typeof r[i] === 'number'));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], numeric[i])).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

export function printTable(headers: string[], rows: Cell[][]): void {
  process.stdout.write(`${formatTable(headers, rows)}\n`);
}
