// A file with bad rows: each rejected row carries its problem as a code with parameters (the cell
// as written, the date order chosen...), the same in the job's result, in the run's rejected rows
// as the UI pages them, and worded in either language from them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRejects } from '../../src-main/core/import/details-files';
import { problemText } from '../../src-main/shared/problems';
import { importJob } from '../fixtures/import-files-run';
import { tempCore } from './temp-core';

let env: ReturnType<typeof tempCore>;
beforeAll(() => {
  env = tempCore({ noResume: true });
});
afterAll(() => env.cleanup());

const MESSAGES = [
  'Date,Email,Channel,Direction,Message,Language,Handled',
  '2024-03-01 09:00,ann@x.com,微信,收,你好,,', //                  2 fine
  '昨天,ann@x.com,微信,收,物流太慢,,', //                          3 a date nobody can read
  '01/13/2024,ann@x.com,email,in,Hello,,', //                      4 month first, but day first was chosen
  '2023年13月45日,ann@x.com,email,in,Hello,,', //                  5 no such day
  '2024-03-02,ann@x.com,pigeon,in,Coo,,', //                       6
  '2024-03-02,ann@x.com,email,sideways,Hi,,', //                   7
  '2024-03-02,ann@x.com,email,in,Hi,Klingon,', //                  8
  '2024-03-02,ann@x.com,email,in,Hi,,maybe', //                    9
  '2024-03-02,,email,in,Whose?,,', //                             10
  '2024-03-02,ann@x.com,email,in,,,', //                          11
  '2024-03-02,bad@,email,in,Hi,,', //                             12
  '2024-03-03,ann@x.com,email,in,"never closed,,', //             13 the rest of the file is this row
].join('\n');

describe('rejected rows carry codes', () => {
  it('a messages file with bad rows: each row its code and parameters, in the result and the rejected rows', async () => {
    const file = join(env.dir, 'messages.csv');
    writeFileSync(file, MESSAGES);
    const mapping = { occurred_at: 0, customer_email: 1, channel: 2, direction: 3, body: 4, language: 5, handled: 6 };
    const { job, summary } = await importJob(env.core, { source: { path: file }, kind: 'interactions', mapping, options: { dateOrder: 'DMY' } });
    expect(summary.interactions.created).toBe(1);
    const expected = [
      [3, 'Date', 'date_unparseable', { value: '昨天' }],
      [4, 'Date', 'date_order_mismatch', { value: '01/13/2024', order: 'DMY' }],
      [5, 'Date', 'date_not_real', { value: '2023年13月45日' }],
      [6, 'Channel', 'channel_unknown', { value: 'pigeon' }],
      [7, 'Direction', 'direction_unknown', { value: 'sideways' }],
      [8, 'Language', 'language_unknown', { value: 'Klingon' }],
      [9, 'Handled', 'yes_no_invalid', { value: 'maybe' }],
      [10, 'Email', 'customer_key_missing', { what: 'message' }],
      [11, 'Message', 'message_empty', {}],
      [12, 'Email', 'email_invalid', { value: 'bad@' }],
      [13, null, 'quote_unclosed', {}],
    ];
    expect(summary.rejects.map((r) => [r.line, r.column, r.code, r.params])).toEqual(expected);

    // The run's rejected rows, as the UI pages them: the same problems, and the file's own cells.
    const page = await readRejects(env.core.paths.dataDir, job.id, 0, 100);
    expect(page.headers).toEqual(['Date', 'Email', 'Channel', 'Direction', 'Message', 'Language', 'Handled']);
    expect(page.rows.map((r) => [r.line, r.column, r.problem?.code, r.problem?.params])).toEqual(expected);
    expect(page.rows[0].cells).toEqual(['昨天', 'ann@x.com', '微信', '收', '物流太慢', '', '']);

    // Worded from the code in either language, the value kept as the file had it.
    const said = (lang: 'en' | 'zh', i: number) => problemText(lang, page.rows[i].problem!);
    expect(said('zh', 0)).toBe('无法识别日期“昨天”（请使用 2024-01-05 这样的格式）。');
    expect(said('en', 1)).toBe('"01/13/2024" does not fit the chosen date order (day/month/year); check the day/month order setting.');
    expect(said('zh', 1)).toBe('“01/13/2024”与所选的日期顺序（日/月/年）不符，请检查“日期顺序”设置。');
    expect(said('zh', 7)).toBe('这一行没有客户邮箱或手机，无法确定这条消息属于哪位客户。');
  });

  it('an order line with a bad cell leaves its whole order out, naming the line to fix', async () => {
    const file = join(env.dir, 'orders.csv');
    writeFileSync(file, ['Order,Date,Email,Product,Qty,Price', 'B1,2024-03-01,ann@x.com,Tea,0,10', 'B1,2024-03-01,ann@x.com,Cup,1,-5', 'B2,2024-03-01,ann@x.com,Tea,1,10 €'].join('\n'));
    const mapping = { order_no: 0, ordered_at: 1, customer_email: 2, product_name: 3, quantity: 4, unit_price: 5 };
    const { summary } = await importJob(env.core, { source: { path: file }, kind: 'orders', mapping });
    expect(summary.rejects.map((r) => [r.line, r.code, r.params])).toEqual([
      [2, 'quantity_zero', {}],
      [3, 'amount_negative', { what: 'unit_price', value: '-5' }],
    ]);
    expect(problemText('zh', summary.rejects[1])).toBe('单价为负数（-5）。');
  });
});
