// The checks every draft passes before it is shown, on their own: a planted wrong number, price,
// date or order number, a wrong language and a wrong name are caught with the reason; the right
// ones, however they are written, pass. And every no-model template passes them, in both languages.
import { describe, expect, it } from 'vitest';
import { TONES, type DraftCheck } from '../../src-main/shared/drafting';
import { checkDraft, REPLY_LENGTH, type DraftExpectations } from '../../src-main/core/drafting/checks';
import { fillTemplate, productName, type TemplateSituation } from '../../src-main/core/drafting/templates';

const RECORDS = [
  'S42-2025-00012-03: 2025-05-03, 1280.00 CNY: Jasmine Tea 茉莉花茶 250g ×2',
  'S42-2025-00007-01: 2025-02-11, 96.50 CNY: Porcelain Gaiwan 盖碗 Celadon 青瓷',
];
const FACTS = ['Returns within 7 days of delivery, unopened. Open 10:00-20:00 every day.', '退换货：签收后7天内，未拆封。'];
const en = (over: Partial<DraftExpectations> = {}): DraftExpectations => ({ language: 'en', customerName: 'Anna Lee', allowed: ['Where is my order S42-2025-00012-03?', ...RECORDS, ...FACTS], ...REPLY_LENGTH.en, ...over });
const zh = (over: Partial<DraftExpectations> = {}): DraftExpectations => ({ language: 'zh', customerName: '李娜', allowed: ['订单S42-2025-00012-03什么时候到？', ...RECORDS, ...FACTS], ...REPLY_LENGTH.zh, ...over });
const byName = (checks: DraftCheck[]) => Object.fromEntries(checks.map((c) => [c.check, c]));

describe('the facts check', () => {
  it('passes the records and facts however they are written', () => {
    const text =
      'Hi Anna, your order S42-2025-00012-03 of ¥1,280 (placed on 3 May) is on its way. The gaiwan was RMB 96.5 on 11 February 2025. ' +
      'Returns are accepted within 7 days; we are open from 10am to 8pm.';
    expect(byName(checkDraft(text, en())).facts).toEqual({ check: 'facts', ok: true, params: { unknown: [] } });
    const zhText = '李娜您好，您2025年5月3日下单的订单S42-2025-00012-03（1280元）正在配送，5月的订单都可以在签收后7天内退换，门店上午10点到晚上8点营业。';
    expect(byName(checkDraft(zhText, zh())).facts.ok).toBe(true);
  });

  it('flags an order number, a price, a date and a count that no record states', () => {
    const text = 'Hi Anna, order S42-2025-00099-01 costs ¥1,380.00 and will arrive on 5 May. Refunds take 3 days.';
    expect(byName(checkDraft(text, en())).facts).toEqual({ check: 'facts', ok: false, params: { unknown: ['5 May', '1,380.00', 'S42-2025-00099-01', '3'] } });
    const zhText = '李娜您好，订单S42-2025-00012-04已经发货，运费15元，预计6月2日送到。';
    expect(byName(checkDraft(zhText, zh())).facts.params.unknown).toEqual(['6月2日', 'S42-2025-00012-04', '15']);
  });

  it("allows what the customer's own message says", () => {
    const allowed = ['My parcel has not come after 12 days, I paid 58.00 for express!', ...RECORDS];
    expect(byName(checkDraft("Hi Anna, I'm sorry you have waited 12 days after paying 58 for express.", en({ allowed }))).facts.ok).toBe(true);
  });

  it('does not take a year for granted: a record of 2025 does not allow the same day of 2024', () => {
    expect(byName(checkDraft('Hi Anna, your order of 3 May 2024 is on its way.', en())).facts.params.unknown).toEqual(['3 May 2024']);
  });
});

describe('the language check', () => {
  it('reads a Chinese reply naming an English product as Chinese, and an English one greeting 李娜 as English', () => {
    expect(byName(checkDraft('李娜您好，您买的Jasmine Tea Gift Box很受欢迎，谢谢支持！', zh())).language).toMatchObject({ ok: true, params: { found: 'zh' } });
    expect(byName(checkDraft('Dear 李娜, thank you for your kind message. We are so glad you liked the tea.', en({ customerName: '李娜' }))).language.ok).toBe(true);
  });

  it('flags a reply in the other language', () => {
    expect(byName(checkDraft('Hi Anna, thanks for your message, we will check and get back to you.', zh())).language).toEqual({ check: 'language', ok: false, params: { expected: 'zh', found: 'en' } });
    expect(byName(checkDraft('您好，我们正在核实，稍后回复您。', en())).language).toMatchObject({ ok: false, params: { expected: 'en', found: 'zh' } });
  });
});

describe('the name check', () => {
  it('passes every usual form of the name on record', () => {
    for (const g of ['Hi Anna,', 'Dear Anna Lee,', 'Dear Ms Lee,', 'Hello Mrs. Lee!', 'Dear customer,', 'Hi there!', 'Hi, thank you'])
      expect(byName(checkDraft(`${g} We are checking your order and will be in touch.`, en())).name, g).toMatchObject({ ok: true });
    for (const g of ['李娜您好，', '李女士，您好！', '亲爱的李娜：', '尊敬的李女士：', '您好，李女士！', '亲，您好！', '尊敬的顾客：'])
      expect(byName(checkDraft(`${g}我们正在核实，稍后回复您。`, zh())).name, g).toMatchObject({ ok: true });
  });

  it('flags a name that is not the customer', () => {
    expect(byName(checkDraft('Hi Sarah, we are checking your order and will be in touch.', en())).name).toEqual({ check: 'name', ok: false, params: { expected: 'Anna Lee', found: ['Sarah'] } });
    expect(byName(checkDraft('Dear Mr Smith, we are checking your order and will be in touch.', en())).name.params.found).toEqual(['Mr Smith']);
    expect(byName(checkDraft('王女士您好，我们正在核实，稍后回复您。', zh())).name.params.found).toEqual(['王女士']);
    expect(byName(checkDraft('亲爱的张伟：我们正在核实，稍后回复您。', zh())).name.params.found).toEqual(['张伟']);
  });
});

describe('the length check', () => {
  it('flags a reply too short or too long', () => {
    expect(byName(checkDraft('Hi Anna!', en())).length).toEqual({ check: 'length', ok: false, params: { length: 8, min: REPLY_LENGTH.en.min, max: REPLY_LENGTH.en.max } });
    expect(byName(checkDraft('好'.repeat(REPLY_LENGTH.zh.max + 1), zh())).length.ok).toBe(false);
  });
});

describe('the no-model templates', () => {
  const situations: TemplateSituation[] = ['complaint', 'question', 'praise', 'winback', 'campaign'];
  const values = {
    en: { name: 'Anna', last_product: productName('Jasmine Tea 茉莉花茶 250g', 'en'), last_order_no: 'S42-2025-00012-03', last_order_date: '3 May 2025', shop_name: 'Cloud Leaf' },
    zh: { name: '李娜', last_product: productName('Jasmine Tea 茉莉花茶 250g', 'zh'), last_order_no: 'S42-2025-00012-03', last_order_date: '2025年5月3日', shop_name: '云叶茶舍' },
  };

  it('pass every check in both languages, every tone, with the records and without any', () => {
    for (const language of ['en', 'zh'] as const) {
      const expect_ = language === 'en' ? en : zh;
      for (const situation of situations) {
        for (const tone of TONES) {
          for (const v of [values[language], {}]) {
            const text = fillTemplate(situation, language, tone, v);
            expect(text, `${situation} ${language} ${tone}`).not.toMatch(/[{}[\]|]/);
            expect(checkDraft(text, expect_()).filter((c) => !c.ok), `${situation} ${language} ${tone}: ${text}`).toEqual([]);
          }
        }
      }
    }
  });

  it('fill the records in, and word around what is missing', () => {
    expect(fillTemplate('complaint', 'en', 'formal', values.en)).toContain('your order S42-2025-00012-03 of 3 May 2025,');
    expect(fillTemplate('complaint', 'en', 'formal', {})).toMatch(/^Dear Customer,\n\nThank you for your message\..* We are reviewing the matter and will contact you/s);
    expect(fillTemplate('question', 'zh', 'warm', values.zh)).toBe('李娜您好，\n\n谢谢您的消息！我这就帮您确认一下，有结果马上回复您。希望您喜欢之前买的茉莉花茶 250g。\n\n云叶茶舍');
    expect(fillTemplate('question', 'zh', 'warm', {})).toBe('您好，\n\n谢谢您的消息！我这就帮您确认一下，有结果马上回复您。');
    // An owner's brief is text, never template syntax.
    expect(fillTemplate('campaign', 'en', 'brief', { name: 'Anna', brief: 'New [autumn] teas | {name} in store' })).toBe('Hi Anna! New [autumn] teas | {name} in store');
  });
});
