// Reading the audit log: newest first, paged by id (keyset: a page never skips or repeats an
// entry while new ones arrive), filtered; the profiles and record types present; a CSV of it.
import type Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Papa from 'papaparse';
import type { AuditAction, AuditEntry, AuditFilter } from '../../shared/privacy';
import { defaultExportPath } from '../export/export-list';
import { recordAudit } from './audit-log';

interface Row {
  id: number;
  at: number;
  profile_id: number | null;
  profile_name: string | null;
  action: string;
  record_type: string;
  record_id: number | null;
  customer_id: number | null;
  changes: string | null;
  detail: string | null;
  customer_name?: string | null;
}

export interface AuditListEntry extends AuditEntry {
  /** The customer's name as it is now; null when there is none, or the customer was erased or removed. */
  customerName: string | null;
}

export interface AuditPage {
  entries: AuditListEntry[];
  /** Pass back as `cursor` for the next (older) page; null at the end. */
  nextCursor: number | null;
}

function parse<T>(text: string | null): T | null {
  if (text == null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

function toEntry(r: Row): AuditListEntry {
  return {
    id: r.id,
    at: r.at,
    profileId: r.profile_id,
    profileName: r.profile_name,
    action: r.action as AuditAction,
    recordType: r.record_type,
    recordId: r.record_id,
    customerId: r.customer_id,
    changes: parse(r.changes),
    detail: parse(r.detail),
    customerName: r.customer_name ?? null,
  };
}

function where(filter: AuditFilter, cursor?: number | null): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    params.push(value);
  };
  if (cursor != null) add('a.id < ?', cursor);
  if (filter.action) add('a.action = ?', filter.action);
  if (filter.recordType) add('a.record_type = ?', filter.recordType);
  if (filter.profileId != null) add('a.profile_id = ?', filter.profileId);
  if (filter.customerId != null) add('a.customer_id = ?', filter.customerId);
  if (filter.from != null) add('a.at >= ?', filter.from);
  if (filter.to != null) add('a.at < ?', filter.to);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const SELECT = `SELECT a.*, CASE WHEN c.erased_at IS NULL THEN c.name END AS customer_name
  FROM audit_log a LEFT JOIN customers c ON c.id = a.customer_id`;

export function listAudit(sqlite: Database.Database, filter: AuditFilter, cursor: number | null | undefined, limit: number): AuditPage {
  const w = where(filter, cursor);
  const rows = sqlite.prepare(`${SELECT} ${w.sql} ORDER BY a.id DESC LIMIT ?`).all(...w.params, limit + 1) as Row[];
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { entries: page.map(toEntry), nextCursor: more ? page[page.length - 1].id : null };
}

export interface AuditFacets {
  profiles: { id: number; name: string }[];
  recordTypes: string[];
  actions: AuditAction[];
}

export function auditFacets(sqlite: Database.Database): AuditFacets {
  // A profile renamed since keeps one entry: the name it had most recently.
  const profiles = sqlite
    .prepare(
      `SELECT profile_id AS id, profile_name AS name FROM audit_log WHERE id IN
         (SELECT max(id) FROM audit_log WHERE profile_id IS NOT NULL GROUP BY profile_id) ORDER BY name`,
    )
    .all() as { id: number; name: string | null }[];
  const recordTypes = sqlite.prepare('SELECT DISTINCT record_type FROM audit_log ORDER BY record_type').pluck().all() as string[];
  const actions = sqlite.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').pluck().all() as AuditAction[];
  return { profiles: profiles.map((p) => ({ id: p.id, name: p.name ?? `#${p.id}` })), recordTypes, actions };
}

const HEADERS = {
  en: ['Time (UTC)', 'Profile', 'Action', 'Record type', 'Record id', 'Customer id', 'Customer', 'Changes', 'Detail'],
  zh: ['时间（UTC）', '档案', '操作', '记录类型', '记录编号', '客户编号', '客户', '改动', '详情'],
};

/** The CSV page size: the log is read in pages so a long one never sits in memory twice. */
const PAGE = 5000;

/**
 * Writes the entries that match `filter` as CSV (UTF-8 with a BOM, so Excel reads Chinese) into
 * dataDir/exports, and records the export itself in the log.
 */
export function exportAudit(sqlite: Database.Database, dataDir: string, filter: AuditFilter, language: 'en' | 'zh'): { path: string; fileName: string; rows: number } {
  const lines: string[] = [Papa.unparse([HEADERS[language]], { newline: '\r\n' })];
  let cursor: number | null = null;
  let rows = 0;
  for (;;) {
    const page = listAudit(sqlite, filter, cursor, PAGE);
    if (page.entries.length) {
      const table = page.entries.map((e) => [
        new Date(e.at).toISOString(),
        e.profileName ?? '',
        e.action,
        e.recordType,
        e.recordId ?? '',
        e.customerId ?? '',
        e.customerName ?? '',
        e.changes ? JSON.stringify(e.changes) : '',
        e.detail ? JSON.stringify(e.detail) : '',
      ]);
      // A value starting with = or @ would run as a formula when Excel opens the file.
      lines.push(Papa.unparse(table, { newline: '\r\n', escapeFormulae: /^[=@\t\r]/ }));
      rows += page.entries.length;
    }
    if (page.nextCursor == null) break;
    cursor = page.nextCursor;
  }
  const path = defaultExportPath(dataDir, 'audit-log', 'csv');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `\ufeff${lines.join('\r\n')}\r\n`);
  recordAudit(sqlite, { action: 'export', recordType: 'audit_log', detail: { file: basename(path), rows, filter: { ...filter } } });
  return { path, fileName: basename(path), rows };
}
