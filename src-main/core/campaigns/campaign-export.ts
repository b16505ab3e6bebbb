// A campaign's approved messages out to the owner's mail or SMS tool: a CSV (UTF-8 with a BOM, so
// Excel opens Chinese text correctly) in the exports folder, served and downloaded like a list
// export (export.read), and each message logged as an outbound message on its customer's timeline,
// all in one transaction through the interactions' bulk mode and its derived hooks (BulkScope),
// marked 'exported' with the interaction it became. Exporting again takes only the messages
// approved since; the result says how many went out before.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Papa from 'papaparse';
import { changeBus } from '../changes/bus';
import type { Core } from '../core';
import { BulkScope } from '../derived/bulk-scope';
import { csvValue, type Column } from '../export/columns';
import { defaultExportPath } from '../export/export-list';
import { interactionRows } from '../interactions/service';
import { uiLanguage } from '../segments/stmts';
import { maskExportValue, privacyModeOn } from '../privacy/privacy-mode';
import { recordAudit, withoutAudit } from '../privacy/audit-log';
import { requireCampaign } from './store';

const COLUMNS: Column[] = [
  { header: { en: 'Name', zh: '姓名' }, key: 'name', type: 'text' },
  { header: { en: 'Email', zh: '邮箱' }, key: 'email', type: 'text' },
  { header: { en: 'Phone', zh: '手机' }, key: 'phone', type: 'text' },
  { header: { en: 'Channel', zh: '渠道' }, key: 'channel', type: 'text' },
  { header: { en: 'Language', zh: '语言' }, key: 'language', type: 'text' },
  { header: { en: 'Message', zh: '消息' }, key: 'message', type: 'text' },
];

interface Approved {
  id: number;
  customerId: number;
  name: string;
  email: string | null;
  phone: string | null;
  channel: 'email' | 'phone' | 'sms' | 'wechat' | 'whatsapp' | 'social' | 'in_person';
  language: string;
  message: string;
}

export interface CampaignExport {
  /** Absolute path of the CSV; null when no message was approved since the last export. */
  file: string | null;
  /** Its name in the exports folder (what export.read and export.delete take); null with no file. */
  name: string | null;
  /** Messages in this file, each now on its customer's timeline. */
  rows: number;
  /** Messages of this campaign exported before, left out of this file. */
  alreadyExported: number;
}

function csvText(rows: Approved[], lang: 'en' | 'zh', mask: boolean): string {
  const value = (r: Approved, key: string) => (mask ? maskExportValue(key, r[key as keyof Approved], lang) : r[key as keyof Approved]);
  const table = [COLUMNS.map((c) => c.header[lang]), ...rows.map((r) => COLUMNS.map((c) => csvValue(c, value(r, c.key))))];
  // A value starting with = or @ would run as a formula when Excel opens the file.
  return `\ufeff${Papa.unparse(table, { newline: '\r\n', escapeFormulae: /^[=@\t\r]/ })}\r\n`;
}

/** A name in the exports folder no earlier export has (two exports in one second keep both). */
function freshPath(dataDir: string, campaign: { id: number; name: string }): string {
  const slug = campaign.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || String(campaign.id);
  let path = defaultExportPath(dataDir, `campaign-${slug}`, 'csv');
  for (let n = 2; existsSync(path); n++) path = defaultExportPath(dataDir, `campaign-${slug}`, 'csv', `-${n}`);
  return path;
}

/** Writes the approved messages as CSV into the exports folder and logs each on its customer's timeline. */
export function exportCampaign(core: Core, id: number): CampaignExport {
  const { sqlite } = core;
  const bus = changeBus(sqlite);
  let written: string | null = null;
  try {
    return bus.write((): CampaignExport => {
      const campaign = requireCampaign(sqlite, id);
      const alreadyExported = sqlite.prepare(`SELECT count(*) FROM campaign_messages WHERE campaign_id = ? AND status = 'exported'`).pluck().get(id) as number;
      const rows = sqlite
        .prepare(
          `SELECT m.id, m.customer_id AS customerId, c.name, c.email, c.phone, m.channel, m.language, m.body AS message
            FROM campaign_messages m JOIN customers c ON c.id = m.customer_id
            WHERE m.campaign_id = ? AND m.status = 'approved' AND m.body IS NOT NULL ORDER BY m.position`,
        )
        .all(id) as Approved[];
      if (!rows.length) return { file: null, name: null, rows: 0, alreadyExported };
      // The file first: if it cannot be written, nothing is logged; if the log fails, it is removed.
      const path = freshPath(core.paths.dataDir, campaign);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, csvText(rows, uiLanguage(sqlite), privacyModeOn(sqlite)));
      written = path;
      // One audit entry for the export (below), not one per message logged on a timeline.
      withoutAudit(sqlite, () => {
        const scope = new BulkScope(sqlite);
        const log = interactionRows(sqlite);
        const mark = sqlite.prepare(`UPDATE campaign_messages SET status = 'exported', interaction_id = ?, updated_at = ? WHERE id = ?`);
        const now = Date.now();
        for (const r of rows) {
          const interactionId = log.add(r.customerId, { channel: r.channel, direction: 'outbound', language: r.language, body: r.message, occurredAt: now, handled: true });
          mark.run(interactionId, now, r.id);
        }
        scope.finish();
      });
      recordAudit(sqlite, { action: 'export', recordType: 'campaign', recordId: id, detail: { file: basename(path), rows: rows.length } });
      bus.record(
        'campaign',
        'update',
        [id],
        rows.map((r) => r.customerId),
      );
      return { file: path, name: basename(path), rows: rows.length, alreadyExported };
    });
  } catch (err) {
    if (written) rmSync(written, { force: true });
    throw err;
  }
}
