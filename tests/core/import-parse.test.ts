// The import's value parsers and detectors on their own: dates, amounts, phones, yes/no and
// enums, encodings, delimiters, header rows and the suggested mapping.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../src-main/core/customers/normalize';
import { detectEncoding } from '../../src-main/core/import/detect-encoding';
import { detectDelimiter, detectNewline, findHeaderRow } from '../../src-main/core/import/detect-layout';
import { parseAmount } from '../../src-main/core/import/parse-amount';
import { dateProblem, guessDateOrder, parseDate } from '../../src-main/core/import/parse-date';
import { choice, CHANNEL, ORDER_STATUS, parseBool, parseEmail, parseRating, parseTags, PhoneNormalizer } from '../../src-main/core/import/parse-values';
import { suggestAll, suggestMapping } from '../../src-main/core/import/suggest-mapping';
import { AMOUNT_FORMS, DATE_FORMS } from '../fixtures/import-files';

const local = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(y, m, d, h, mi).getTime();

describe('dates', () => {
  it.each(DATE_FORMS)('reads %s', (text, [y, m, d, h, mi]) => {
    expect(parseDate(text, 'DMY')).toBe(local(y, m, d, h, mi));
  });

  it('reads day/month order as chosen, and says so when a date does not fit it', () => {
    expect(parseDate('05/01/2024', 'MDY')).toBe(local(2024, 4, 1));
    expect(parseDate('13/01/2024', 'MDY')).toBeNull();
    expect(dateProblem('13/01/2024', 'MDY')).toEqual({ code: 'date_order_mismatch', params: { value: '13/01/2024', order: 'MDY' } });
    expect(guessDateOrder(['01/02/2024', '25/12/2023'])).toBe('DMY');
    expect(guessDateOrder(['12/25/2023'])).toBe('MDY');
    expect(guessDateOrder(['01/02/2024'])).toBeNull();
  });

  it('reads zones, two-digit years, Chinese times, and timestamps', () => {
    expect(parseDate('2024-01-05T06:30:00Z')).toBe(Date.UTC(2024, 0, 5, 6, 30));
    expect(parseDate('2024-01-05 14:30:00+08:00')).toBe(Date.UTC(2024, 0, 5, 6, 30));
    expect(parseDate('5/1/24', 'DMY')).toBe(local(2024, 0, 5));
    expect(parseDate('2024年1月5号 15点', 'DMY')).toBe(local(2024, 0, 5, 15));
    expect(parseDate('2024年01月05日 上午12:10', 'DMY')).toBe(local(2024, 0, 5, 0, 10));
    expect(parseDate('1704436200')).toBe(1704436200_000);
    expect(parseDate('1704436200000')).toBe(1704436200_000);
  });

  it('refuses what is not a real date, with the reason as a code', () => {
    for (const bad of ['2024-02-30', '2023-13-01', '2024-01-05 25:00', 'yesterday', '12', '5 Foo 2024', '']) expect(parseDate(bad, 'DMY')).toBeNull();
    expect(dateProblem('2024-02-30', 'DMY')).toEqual({ code: 'date_not_real', params: { value: '2024-02-30' } });
    expect(dateProblem('2023年13月45日', 'DMY')).toEqual({ code: 'date_not_real', params: { value: '2023年13月45日' } });
    expect(dateProblem('yesterday', 'DMY')).toEqual({ code: 'date_unparseable', params: { value: 'yesterday' } });
  });
});

describe('amounts', () => {
  it.each(AMOUNT_FORMS)('reads %s as 1299.00', (text) => {
    expect(parseAmount(text)?.cents).toBe(129_900);
  });

  it('names the currency the text shows', () => {
    expect(parseAmount('¥1,299.00')?.currency).toBe('CNY');
    expect(parseAmount('$1,299.00')?.currency).toBe('USD');
    expect(parseAmount('HK$88')?.currency).toBe('HKD');
    expect(parseAmount('1.299,00 €')?.currency).toBe('EUR');
    expect(parseAmount('£5')?.currency).toBe('GBP');
    expect(parseAmount('1299')?.currency).toBeNull();
  });

  it('reads more signs and any ISO code, and a shared sign as the currency the shop assumes', () => {
    expect(parseAmount('₹1,299.00')).toEqual({ cents: 129_900, currency: 'INR' });
    expect(parseAmount('CHF 1\u2019299.00')).toEqual({ cents: 129_900, currency: 'CHF' });
    expect(parseAmount('1.299,00 NOK', true)).toEqual({ cents: 129_900, currency: 'NOK' });
    expect(parseAmount('R$ 1.299,00')).toEqual({ cents: 129_900, currency: 'BRL' });
    expect(parseAmount('NZ$12')?.currency).toBe('NZD');
    // "$" and "¥" are several currencies' signs: read as the assumed one when it writes so.
    expect(parseAmount('$1,299.00', false, 'AUD')?.currency).toBe('AUD');
    expect(parseAmount('$1,299.00', false, 'EUR')?.currency).toBe('USD');
    expect(parseAmount('¥1,299', false, 'JPY')?.currency).toBe('JPY');
    expect(parseAmount('¥1,299', false, 'EUR')?.currency).toBe('CNY');
    expect(parseAmount('US$5', false, 'AUD')?.currency).toBe('USD');
    // Letters that are no currency are not an amount.
    for (const bad of ['abc 12', 'XYZ 12', '12 kg']) expect(parseAmount(bad)).toBeNull();
  });

  it('handles decimal commas, negatives, rounding and rubbish', () => {
    expect(parseAmount('12,5')?.cents).toBe(1250);
    expect(parseAmount('1.299')?.cents).toBe(130);
    expect(parseAmount('1.299', true)?.cents).toBe(129_900);
    expect(parseAmount('1,299', true)?.cents).toBe(130);
    expect(parseAmount('(12.50)')?.cents).toBe(-1250);
    expect(parseAmount('-¥12')?.cents).toBe(-1200);
    expect(parseAmount('0.125')?.cents).toBe(13);
    expect(parseAmount('1,00,000.00')?.cents).toBe(10_000_000);
    for (const bad of ['abc', '12abc34', '1,29,9', '1.2.3', '--', 'N/A', '']) expect(parseAmount(bad)).toBeNull();
  });
});

describe('phones, emails and words', () => {
  it('normalises phones exactly as customers do, +86 mobiles included', () => {
    const phones = new PhoneNormalizer('CN');
    for (const raw of ['13800138000', '138 0013 8000', '+86 138-0013-8000', '0086 13800138000', '+1 (415) 555-0100', '010-12345678', '＋８６ １３８００１３８０００']) {
      expect(phones.normalize(raw)).toBe(normalizePhone(raw.normalize('NFKC'), 'CN'));
    }
    expect(phones.normalize('+86 138-0013-8000')).toBe('8613800138000');
    expect(phones.normalize('12-3')).toBeNull();
    expect(new PhoneNormalizer('US').normalize('(415) 555-0100')).toBe('14155550100');
  });

  it('accepts emails people type, refuses broken ones', () => {
    expect(parseEmail(' John.Smith@Example.com ')).toEqual({ email: 'John.Smith@Example.com', norm: 'john.smith@example.com' });
    expect(parseEmail('mailto:a@b.cn')?.email).toBe('a@b.cn');
    expect(parseEmail('王芳 <wf@qq.com>')?.email).toBe('wf@qq.com');
    expect(parseEmail('wf＠qq.com')?.email).toBe('wf@qq.com');
    for (const bad of ['no-at-sign', 'a@b', 'a b@c.com', '@x.com', 'a@b.c']) expect(parseEmail(bad)).toBeNull();
  });

  it('reads yes/no, statuses, channels, ratings and tags in English and Chinese', () => {
    expect([parseBool('是'), parseBool('Yes'), parseBool('√'), parseBool('否'), parseBool('0'), parseBool('maybe')]).toEqual([true, true, true, false, false, undefined]);
    expect([choice(ORDER_STATUS, '已付款'), choice(ORDER_STATUS, 'Refunded'), choice(ORDER_STATUS, '交易关闭'), choice(ORDER_STATUS, 'lost')]).toEqual(['paid', 'refunded', 'cancelled', undefined]);
    expect([choice(CHANNEL, '微信'), choice(CHANNEL, 'WeChat'), choice(CHANNEL, 'in-person'), choice(CHANNEL, 'fax')]).toEqual(['wechat', 'wechat', 'in_person', undefined]);
    expect([parseRating('★★★★☆'), parseRating('4星'), parseRating('8/10'), parseRating('4.0'), parseRating('good')]).toEqual([4, 4, 4, 4, Number.NaN]);
    expect(parseTags('VIP，回头客; wholesale、VIP')).toEqual(['VIP', '回头客', 'wholesale']);
  });
});

describe('encodings', () => {
  const text = '姓名,手机,城市\n王芳,13800138000,上海\n李雷,13900139000,北京\n';
  it('tells UTF-8 (with and without BOM), UTF-16 and GBK apart', () => {
    expect(detectEncoding(Buffer.from(text), true)).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(Buffer.from('\ufeff' + text), true)).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(iconv.encode(text, 'utf-16le', { addBOM: true }), true)).toEqual({ encoding: 'utf-16le', bom: true });
    expect(detectEncoding(iconv.encode(text, 'utf-16be', { addBOM: true }), true)).toEqual({ encoding: 'utf-16be', bom: true });
    expect(detectEncoding(iconv.encode('Name,City\nAnn,Paris\n', 'utf-16le'), true).encoding).toBe('utf-16le');
    expect(detectEncoding(iconv.encode(text, 'gbk'), true).encoding).toBe('gb18030');
    // One short Chinese word in an otherwise English file.
    expect(detectEncoding(iconv.encode('name,city\nWang,上海\n', 'gbk'), true).encoding).toBe('gb18030');
  });

  it('does not mistake accented Latin-1 text for Chinese', () => {
    const latin = iconv.encode('name,city\nZoé Müller,Köln\nRené Noël,Besançon\nJosé Peña,Málaga\n', 'windows-1252');
    expect(detectEncoding(latin, true).encoding).toMatch(/windows-1252|iso-8859-1/);
  });
});

describe('layout', () => {
  it('finds the delimiter and line ending', () => {
    expect(detectDelimiter('a;b;c\n1;"2,5";3\n4;5;6', '\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1,5\t2\n3\t4', '\n')).toBe('\t');
    expect(detectDelimiter('a|b|c\n1|2|3', '\n')).toBe('|');
    expect(detectDelimiter('name,amount\nAnn,"1,299.00"\nBob,12', '\n')).toBe(',');
    expect(detectNewline('a\r\nb')).toBe('\r\n');
    expect(detectNewline('a\rb')).toBe('\r');
  });

  it('finds the header row below a title, or none when the file starts with data', () => {
    const rows = (lines: string[][]) => lines.map((cells, i) => ({ line: i + 1, cells }));
    expect(findHeaderRow(rows([['客户名单'], ['姓名', '手机', '城市'], ['王芳', '13800138000', '上海']]))).toBe(1);
    expect(findHeaderRow(rows([['Report'], ['Foo', 'Bar', 'Baz'], ['1', '2', '3']]))).toBe(1);
    expect(findHeaderRow(rows([['Ann', 'ann@x.com', '13800138000'], ['Bob', 'bob@x.com', '13900139000']]))).toBe(-1);
  });
});

describe('suggested mapping', () => {
  it('maps Chinese headers', () => {
    const { kind, suggestions } = suggestAll(['订单号', '下单时间', '姓名', '手机', '邮箱', '商品名称', '数量', '单价', '实付金额（元）', '订单状态']);
    expect(kind).toBe('orders');
    expect(suggestions.orders.mapping).toEqual({
      order_no: 0, ordered_at: 1, customer_name: 2, customer_phone: 3, customer_email: 4, product_name: 5, quantity: 6, unit_price: 7, order_total: 8, status: 9,
    });
  });

  it('maps English headers in their usual spellings, and columns by their values', () => {
    const s = suggestMapping('customers', ['Full Name', 'E-mail Address', 'Mobile', 'Company Name', 'Town', 'Column 6'], [
      ['Ann', 'ann@x.com', '+1 415 555 0100', 'Acme', 'Paris', 'ann.other@x.com'],
      ['Bob', 'bob@x.com', '+1 415 555 0101', 'Acme', 'Lyon', 'bob.other@x.com'],
    ]);
    expect(s.mapping).toEqual({ name: 0, email: 1, phone: 2, company: 3, city: 4 });
    const byContent = suggestMapping('customers', ['Who', 'Contact'], [['Ann', 'ann@x.com'], ['Bob', 'bob@x.com']]);
    expect(byContent.mapping.email).toBe(1);
    expect(byContent.confidence.email).toBe(0.5);
  });

  it('tells messages and reviews from customers', () => {
    expect(suggestAll(['时间', '客户', '手机', '渠道', '内容']).kind).toBe('interactions');
    expect(suggestAll(['Date', 'Email', 'Rating', 'Review']).kind).toBe('feedback');
    expect(suggestAll(['姓名', '手机', '城市', '标签']).kind).toBe('customers');
  });
});
