// A column of an exported list and how its values are written: CSV gets plain text (dates as
// local "YYYY-MM-DD HH:mm:ss", money as 1299.00), XLSX gets real dates and numbers with formats.
// Headers come in English and Chinese (an export is written in the language of the UI that asked
// for it); where an import reads the list back, they are headers that import recognises.
import type { ProblemLanguage } from '../../shared/problems';

export type ColumnType = 'text' | 'int' | 'money' | 'date' | 'bool';
export type ExportLanguage = ProblemLanguage;

export interface Column {
  header: Record<ExportLanguage, string>;
  key: string;
  type: ColumnType;
  /** XLSX column width in characters. */
  width?: number;
}

export type Row = Record<string, unknown>;

const pad = (n: number) => String(n).padStart(2, '0');

export function localDateText(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Cents → "1299.00". */
export const moneyText = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${pad(Math.abs(cents) % 100)}`;

export function csvValue(c: Column, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  switch (c.type) {
    case 'date':
      return localDateText(Number(v));
    case 'money':
      return moneyText(Number(v));
    case 'bool':
      return v ? 'yes' : 'no';
    default:
      return String(v);
  }
}

/** XLSX cell values: a Date whose UTC fields are the local wall-clock time (what Excel shows). */
export function xlsxValue(c: Column, v: unknown): unknown {
  if (v === null || v === undefined || v === '') return null;
  switch (c.type) {
    case 'date': {
      const d = new Date(Number(v));
      return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
    }
    case 'money':
      return Number(v) / 100;
    case 'int':
      return Number(v);
    case 'bool':
      return v ? 'yes' : 'no';
    default:
      return String(v);
  }
}

export const NUM_FMT: Partial<Record<ColumnType, string>> = { date: 'yyyy-mm-dd hh:mm:ss', money: '#,##0.00', int: '0' };
