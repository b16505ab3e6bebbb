// Privacy mode: the masks (one definition for screens and files), the switch as a core setting,
// and an export made while it is on holding no full name, email, phone or message text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportList } from '../../src-main/core/export/export-list';
import { exportInput } from '../../src-main/core/export/schemas';
import { patronRouter } from '../../src-main/core/router';
import { HIDDEN_TEXT, maskEmail, maskName, maskPhone, maskText } from '../../src-main/shared/privacy-mask';
import { freshCores } from './temp-core';

const fresh = freshCores();

describe('the masks', () => {
  it('turns names into initials, Latin and Chinese', () => {
    expect(maskName('Zhang Wei')).toBe('Z. W.');
    expect(maskName('  anna-lena  de vries ')).toBe('A. D. V.');
    expect(maskName('王芳')).toBe('王*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('Li Na 李娜')).toBe('L. N. 李*');
    expect(maskName(null)).toBeNull();
  });

  it('keeps the last four digits of a phone and the domain of an email', () => {
    expect(maskPhone('+86 138 0013 8000')).toBe('•••• 8000');
    expect(maskPhone('13800138000')).toBe('•••• 8000');
    expect(maskPhone('110')).toBe('••••');
    expect(maskEmail('zhang.wei@example.com')).toBe('z•••@example.com');
    expect(maskEmail('王芳@qq.com')).toBe('王•••@qq.com');
    expect(maskEmail(undefined)).toBeUndefined();
  });

  it('hides text whole, in the reader’s language', () => {
    expect(maskText('Call me about the refund')).toBe(HIDDEN_TEXT.en);
    expect(maskText('请退款', HIDDEN_TEXT.zh)).toBe('隐私模式下已隐藏');
    expect(maskText('')).toBe('');
  });
});

describe('the switch', () => {
  it('is a core setting every connection reads, off by default', async () => {
    const { core } = fresh();
    const api = patronRouter.createCaller({ core });
    expect(await api.profiles.privacyMode()).toBe(false);
    await api.profiles.setPrivacyMode({ on: true });
    expect(await patronRouter.createCaller({ core, session: { profileId: null } }).profiles.privacyMode()).toBe(true);
    await api.profiles.setPrivacyMode({ on: false });
    expect(await api.profiles.privacyMode()).toBe(false);
  });

  it('masks an export made while it is on, and only then', async () => {
    const { core } = fresh();
    const api = patronRouter.createCaller({ core });
    const c = await api.customers.create({ name: 'Zhang Wei', email: 'zhang.wei@example.com', phone: '+86 138 0013 8000', city: 'Shanghai' });
    const cn = await api.customers.create({ name: '王芳', email: 'wangfang@qq.com', phone: '13912345678' });
    await api.interactions.log({ customerId: c.id, channel: 'email', direction: 'inbound', body: 'Where is my parcel number 42?' });
    const exportOf = async (kind: 'customers' | 'messages', format: 'csv' | 'xlsx') => {
      const r = await exportList(core.sqlite, core.paths.dataDir, exportInput.parse({ list: { kind }, format }), { unique: `-${kind}-${format}-${Math.random()}` });
      return r.path;
    };
    const plain = readFileSync(await exportOf('customers', 'csv'), 'utf8');
    expect(plain).toContain('Zhang Wei');
    expect(plain).toContain('+86 139 1234 5678');

    await api.profiles.setPrivacyMode({ on: true });
    const customers = readFileSync(await exportOf('customers', 'csv'), 'utf8');
    const messages = readFileSync(await exportOf('messages', 'csv'), 'utf8');
    for (const secret of ['Zhang Wei', 'zhang.wei@example.com', '138 0013 8000', '13800138000', '王芳', 'wangfang@qq.com', '139 1234 5678', 'parcel number']) {
      expect(customers).not.toContain(secret);
      expect(messages).not.toContain(secret);
    }
    expect(customers).toContain('Z. W.');
    expect(customers).toContain('王*');
    expect(customers).toContain('•••• 8000');
    expect(customers).toContain('z•••@example.com');
    expect(customers).toContain('Shanghai'); // not personal on its own: left as it is
    expect(messages).toContain(HIDDEN_TEXT.en);
    // XLSX goes through the same masks: its shared strings hold no full name.
    const xlsx = readFileSync(await exportOf('customers', 'xlsx'));
    expect(xlsx.length).toBeGreaterThan(0);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const values = JSON.stringify(book.worksheets[0].getSheetValues());
    expect(values).not.toContain('Zhang Wei');
    expect(values).not.toContain('wangfang@qq.com');
    expect(values).toContain('Z. W.');
    expect(cn.id).toBeGreaterThan(0);
  });
});
