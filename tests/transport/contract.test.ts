// Every call in the contract rejects bad input with an error naming the field, over the same
// MessagePort transport Electron uses, and nothing reaches the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patronRouter } from '../../src-main/core/router';
import { tempCore } from '../core/temp-core';
import { portClientFor } from './port-client';
import { IMPORT_EXPORT_BAD, IMPORT_EXPORT_NO_INPUT } from '../fixtures/import-files-contract';

let env: ReturnType<typeof tempCore>;
let client: ReturnType<typeof portClientFor>;

beforeAll(() => {
  env = tempCore();
  client = portClientFor(env.core);
});
afterAll(async () => {
  client.close();
  await env.cleanup();
});

type Case = [path: string, input: unknown, field: string];
const BAD: Case[] = [
  ...IMPORT_EXPORT_BAD,
  ['app.setPreferences', { language: 'fr' }, 'language'],
  ['customers.list', { limit: 0 }, 'limit'],
  ['customers.list', { sort: 'bogus' }, 'sort'],
  ['customers.get', { id: -1 }, 'id'],
  ['customers.create', { name: '' }, 'name'],
  ['customers.create', { name: 'A', email: 'no-at-sign' }, 'email'],
  ['customers.create', { name: 'A', phone: 'call me' }, 'phone'],
  ['customers.create', { name: 'A', language: 'fr' }, 'language'],
  ['customers.update', { id: 1, data: { name: ' ' } }, 'data.name'],
  ['customers.delete', { id: 'x' }, 'id'],
  ['timeline.forCustomer', { customerId: 0 }, 'customerId'],
  ['timeline.forCustomer', { customerId: 1, limit: 1000 }, 'limit'],
  ['notes.add', { customerId: 1, body: '   ' }, 'body'],
  ['notes.update', { id: 1, body: '' }, 'body'],
  ['notes.delete', { id: 0 }, 'id'],
  ['tasks.add', { customerId: 1, title: '' }, 'title'],
  ['tasks.restore', { id: 1, customerId: 1, title: 'Call', dueAt: null, doneAt: null, createdAt: 'yesterday' }, 'createdAt'],
  ['notes.restore', { id: 0, customerId: 1, body: 'x', createdAt: 1, updatedAt: null }, 'id'],
  ['orders.add', { customerId: 1, orderNo: '', orderedAt: 1 }, 'orderNo'],
  ['orders.add', { customerId: 1, orderNo: 'A-1', orderedAt: 1, currency: 'EURO' }, 'currency'],
  ['money.setShopCurrency', { currency: 'yuan' }, 'currency'],
  ['money.setRate', { currency: 'EUR', rate: -1 }, 'rate'],
  ['tasks.add', { customerId: 1, title: 'Call', dueAt: 'tomorrow' }, 'dueAt'],
  ['tasks.setDone', { id: 1, done: 'yes' }, 'done'],
  ['tasks.delete', { id: 0 }, 'id'],
  ['tasks.open', { limit: 0 }, 'limit'],
  ['tags.addToCustomer', { customerId: 1, name: '' }, 'name'],
  ['tags.addToCustomer', { customerId: 1, name: 'VIP', color: 'pink' }, 'color'],
  ['tags.removeFromCustomer', { customerId: 1 }, 'tagId'],
  ['interactions.log', { customerId: 1, channel: 'fax', direction: 'inbound', body: 'hi' }, 'channel'],
  ['interactions.log', { customerId: 1, channel: 'email', direction: 'sideways', body: 'hi' }, 'direction'],
  ['interactions.log', { customerId: 1, channel: 'email', direction: 'inbound', body: '' }, 'body'],
  ['interactions.setHandled', { id: 1 }, 'handled'],
  ['search.all', { q: 'x'.repeat(201) }, 'q'],
  ['jobs.list', { limit: 0 }, 'limit'],
  ['jobs.get', { id: 0 }, 'id'],
  ['jobs.cancel', { id: 'a' }, 'id'],
  ['sample.load', { customers: 5 }, 'customers'],
  // The local model (models/, ai/).
  ['models.catalog', { language: 'fr' }, 'language'],
  ['models.setSource', { source: 'github' }, 'source'],
  ['models.download', { id: '' }, 'id'],
  ['models.downloadUrl', { url: 'ftp://example.com/m.gguf', file: 'm.gguf' }, 'url'],
  ['models.pauseDownload', { file: 'm.bin' }, 'file'],
  ['models.resumeDownload', { file: '../m.gguf' }, 'file'],
  ['models.cancelDownload', { file: '' }, 'file'],
  ['models.dismissDownload', {}, 'file'],
  ['models.import', { path: '' }, 'path'],
  ['models.activate', { file: 'a/../../m.gguf' }, 'file'],
  ['models.remove', { file: 7 }, 'file'],
  ['ai.generate', { prompt: '  ' }, 'prompt'],
  ['ai.summaryPrompt', { customerId: 0 }, 'customerId'],
  ['ai.summarizeCustomer', { customerId: 1, language: 'fr' }, 'language'],
  ['ai.classify', { instruction: 'Label it.', labels: ['only one'], items: [{ key: 'k', text: 't' }] }, 'labels'],
  ['sentiment.analyze', { text: 42 }, 'text'],
  ['sentiment.customer', { customerId: 0 }, 'customerId'],
  ['sentiment.overview', { bucket: 'day' }, 'bucket'],
  ['sentiment.runModel', { customerId: -1 }, 'customerId'],
  // Segments, smart lists, asking in words, the dashboard.
  ['segments.customer', { customerId: 0 }, 'customerId'],
  ['segments.setAnalysisDate', { date: '30/11/2026' }, 'date'],
  ['segments.renameSegment', { code: 'vips', name: 'VIPs' }, 'code'],
  ['segments.renameCluster', { idx: 1, name: '  ' }, 'name'],
  ['segments.nameWithModel', { language: 'fr' }, 'language'],
  ['lists.get', { id: 0 }, 'id'],
  ['lists.count', { filter: { match: 'some', conditions: [] } }, 'filter.match'],
  ['lists.create', { name: '', filter: { match: 'all', conditions: [] } }, 'name'],
  ['lists.update', { id: -2, name: 'x' }, 'id'],
  ['lists.remove', { id: 'one' }, 'id'],
  ['ask.filter', { text: '   ' }, 'text'],
  ['dashboard.revenue', { bucket: 'day', from: 0, to: 1 }, 'bucket'],
  ['dashboard.products', { from: 0, to: 1, limit: 0 }, 'limit'],
  ['dashboard.attention', { limit: 1000 }, 'limit'],
  ['dashboard.satisfaction', { bucket: 'month', from: 'May', to: 1 }, 'from'],
  // Predictions.
  ['predictions.customer', { customerId: 0 }, 'customerId'],
  ['predictions.forecast', { period: 'year' }, 'period'],
  ['predictions.alsoBought', { item: '' }, 'item'],
  ['predictions.setSettings', { horizonMonths: 0, discountRate: 0.1 }, 'horizonMonths'],
  // The inbox.
  ['inbox.list', { filter: { channels: ['fax'] } }, 'filter.channels.0'],
  ['inbox.list', { filter: { language: 'fr' } }, 'filter.language'],
  ['inbox.list', { filter: { sentiment: 'angry' } }, 'filter.sentiment'],
  ['inbox.list', { filter: { aspect: 'colour' } }, 'filter.aspect'],
  ['inbox.list', { filter: { waitingHours: -1 } }, 'filter.waitingHours'],
  ['inbox.list', { limit: 0 }, 'limit'],
  ['inbox.get', { id: 0 }, 'id'],
  ['inbox.setHandled', { id: 1 }, 'handled'],
  // Reply drafting.
  ['drafting.setFacts', { name: '', returns: 'x'.repeat(2001), delivery: '', hours: '', contacts: '', offers: '', other: '' }, 'returns'],
  ['drafting.context', { messageId: 0, tone: 'warm' }, 'messageId'],
  ['drafting.draft', { messageId: 1, tone: 'angry' }, 'tone'],
  ['drafting.check', { messageId: 1, language: 'fr', text: 'Hi' }, 'language'],
  ['drafting.send', { messageId: 1, body: '   ' }, 'body'],
  // Win-back and campaign messages.
  ['campaigns.create', { name: ' ', purpose: 'winback', target: { kind: 'segment', segment: 'at_risk' } }, 'name'],
  ['campaigns.create', { name: 'Spring', purpose: 'spam', target: { kind: 'segment', segment: 'at_risk' } }, 'purpose'],
  ['campaigns.create', { name: 'Spring', purpose: 'winback', target: { kind: 'segment', segment: 'vips' } }, 'target.segment'],
  ['campaigns.create', { name: 'Spring', purpose: 'campaign', target: { kind: 'list', listId: 1 }, tone: 'shouty' }, 'tone'],
  ['campaigns.get', { id: 0 }, 'id'],
  ['campaigns.messages', { id: -1 }, 'id'],
  ['campaigns.review', { id: 1, status: 'exported' }, 'status'],
  ['campaigns.review', { id: 1, body: '   ' }, 'body'],
  ['campaigns.export', { id: 'one' }, 'id'],
  ['campaigns.resume', { id: 0 }, 'id'],
  ['campaigns.delete', { id: 1.5 }, 'id'],
  // Profiles, private fields, privacy mode (privacy/profiles-router.ts).
  ['profiles.signIn', { profileId: 0, pin: '1234' }, 'profileId'],
  ['profiles.create', { name: 'Li', role: 'staff', pin: '12' }, 'pin'],
  ['profiles.update', { id: 1, role: 'boss' }, 'role'],
  ['profiles.remove', { id: 'x' }, 'id'],
  ['profiles.setPrivateFields', { fields: ['salary'] }, 'fields.0'],
  ['profiles.setPrivacyMode', { on: 'yes' }, 'on'],
  ['audit.list', { filter: { action: 'rename' } }, 'filter.action'],
  ['audit.list', { limit: 0 }, 'limit'],
  ['audit.export', { filter: { customerId: -1 } }, 'filter.customerId'],
  // A customer's rights (privacy/rights-router.ts).
  ['rights.exportCustomer', { customerId: 0 }, 'customerId'],
  ['rights.exportCustomer', { customerId: 1, language: 'fr' }, 'language'],
  ['rights.eraseCustomer', { customerId: 1, keepOrders: 'yes' }, 'keepOrders'],
  // Backups and restore (privacy/backup-router.ts).
  ['backup.setSettings', { enabled: true, folder: ' ', keep: 7 }, 'folder'],
  ['backup.setSettings', { enabled: true, folder: '/backups', keep: 0 }, 'keep'],
  ['backup.run', { passphrase: 'mine' }, 'passphrase'],
  ['backup.check', { file: '' }, 'file'],
  ['backup.restore', { file: 'b.sqlite', passphrase: '' }, 'passphrase'],
  ['lock.unlock', { passphrase: '' }, 'passphrase'],
  ['lock.enable', { passphrase: 'short' }, 'passphrase'],
  ['lock.changePassphrase', { current: 'old passphrase', next: 'short' }, 'next'],
  ['lock.disable', {}, 'passphrase'],
  ['lock.setIdleMinutes', { idleMinutes: 7 }, 'idleMinutes'],
];
/** Calls that take no input, so have nothing to validate. */
const NO_INPUT = ['app.overview', 'app.info', 'app.preferences', 'customers.cities', 'tags.list', 'jobs.events', 'changes.events', 'money.overview', 'sample.remove', 'models.status', 'models.hardware', 'models.installed', 'models.downloads', 'models.events', 'sentiment.reanalyse', 'segments.overview', 'segments.recompute', 'lists.all', 'predictions.overview', 'predictions.recompute', 'inbox.stats', 'drafting.facts', 'campaigns.list', 'profiles.list', 'profiles.current', 'profiles.signOut', 'profiles.privateFields', 'profiles.privacyMode', 'audit.facets', 'backup.settings', 'backup.list', 'lock.state', 'lock.lock', ...IMPORT_EXPORT_NO_INPUT];

const call = (path: string, input: unknown) => client.byPath(path, input);

describe('the contract validates every input at the boundary', () => {
  it('covers every call in the router', () => {
    const covered = new Set([...BAD.map(([p]) => p), ...NO_INPUT]);
    const all = Object.keys(patronRouter._def.procedures);
    expect(all.filter((p) => !covered.has(p))).toEqual([]);
  });

  it.each(BAD)('%s rejects %j naming "%s"', async (path, input, field) => {
    const err = (await call(path, input).catch((e) => e)) as { data?: { app?: { code: string; field?: string; message: string } } };
    expect(err.data?.app).toMatchObject({ code: 'invalid_input', field });
    expect(err.data?.app?.message.startsWith(`${field}:`)).toBe(true);
  });

  it('nothing reached the database', () => {
    const n = (t: string) => (env.core.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect([n('customers'), n('notes'), n('tasks'), n('tags'), n('interactions'), n('jobs')]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('errors from the core keep their code and field', async () => {
    const { api } = client;
    await api.customers.create.mutate({ name: 'Wang Fang', email: 'WF@QQ.com' });
    const dup = await api.customers.create.mutate({ name: 'Someone', email: 'wf@qq.com' }).catch((e) => e);
    expect(dup.data.app).toMatchObject({ code: 'conflict', field: 'email' });
    expect(dup.data.app.message).toMatch(/Wang Fang .* already has this email address/);
    const missing = await api.customers.get.query({ id: 999 }).catch((e) => e);
    expect(missing.data.app).toEqual({ code: 'not_found', message: 'Customer 999 does not exist.' });
  });

  it('names every wrong field of a form at once, each with its problem code and parameters', async () => {
    const err = await client.api.customers.create.mutate({ name: ' ', email: 'wang@', phone: '12', city: 'x'.repeat(101) }).catch((e) => e);
    expect(err.data.app).toMatchObject({ code: 'invalid_input', field: 'name' });
    expect(err.data.app.issues).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'required', params: {} },
        { field: 'email', code: 'email_invalid', params: { value: 'wang@' } },
        { field: 'phone', code: 'phone_invalid', params: { value: '12' } },
        { field: 'city', code: 'too_long', params: { max: 100 } },
      ]),
    );
    expect(err.data.app.issues).toHaveLength(4);
    const update = await client.api.customers.update.mutate({ id: 1, data: { name: 'Ann', email: 'ann@', phone: 'call me' } }).catch((e) => e);
    expect(update.data.app.issues.map((i: { field: string; code: string }) => [i.field, i.code])).toEqual([
      ['data.email', 'email_invalid'],
      ['data.phone', 'phone_invalid'],
    ]);
  });

  it('carries subscriptions: job progress events arrive over the port', async () => {
    const events: { status: string }[] = [];
    const sub = client.api.jobs.events.subscribe(undefined, { onData: (e) => events.push(e) });
    await new Promise((r) => setTimeout(r, 100));
    const { jobId } = await client.api.sample.load.mutate({ customers: 10 });
    await env.core.jobs.idle();
    await new Promise((r) => setTimeout(r, 100));
    sub.unsubscribe();
    expect(jobId).toBeGreaterThan(0);
    expect(events.map((e) => e.status)).toContain('done');
  });
});
