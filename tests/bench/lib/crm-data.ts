// Deterministic fake CRM data for benches: a mix of Chinese and English customers (names,
// pinyin/English emails, +86 mobiles and foreign numbers, cities, companies, tags, order
// metrics) and their messages in both languages. Same seed, same data, on every machine.
import { Rng, Weighted } from '../../../src-main/core/sample/random';

/** Fixed "now" so the data (and its dates) never depend on when the bench runs. */
export const DATA_NOW = Date.UTC(2025, 5, 1);
const DAY = 86_400_000;
const YEAR = 365 * DAY;

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Common surnames with pinyin, most frequent first (weights roughly follow the census). */
const SURNAMES: [string, string, number][] = [
  ['王', 'wang', 7.1], ['李', 'li', 7.0], ['张', 'zhang', 6.6], ['刘', 'liu', 5.4], ['陈', 'chen', 4.5],
  ['杨', 'yang', 3.1], ['黄', 'huang', 2.4], ['赵', 'zhao', 2.3], ['吴', 'wu', 2.0], ['周', 'zhou', 1.9],
  ['徐', 'xu', 1.4], ['孙', 'sun', 1.3], ['马', 'ma', 1.3], ['朱', 'zhu', 1.2], ['胡', 'hu', 1.1],
  ['郭', 'guo', 1.1], ['何', 'he', 1.0], ['高', 'gao', 1.0], ['林', 'lin', 1.0], ['罗', 'luo', 0.9],
  ['郑', 'zheng', 0.9], ['梁', 'liang', 0.8], ['谢', 'xie', 0.7], ['宋', 'song', 0.7], ['唐', 'tang', 0.6],
  ['许', 'xu', 0.6], ['韩', 'han', 0.6], ['冯', 'feng', 0.6], ['邓', 'deng', 0.6], ['曹', 'cao', 0.5],
  ['彭', 'peng', 0.5], ['曾', 'zeng', 0.5], ['肖', 'xiao', 0.5], ['田', 'tian', 0.5], ['董', 'dong', 0.5],
  ['袁', 'yuan', 0.4], ['潘', 'pan', 0.4], ['于', 'yu', 0.4], ['蒋', 'jiang', 0.4], ['蔡', 'cai', 0.4],
  ['余', 'yu', 0.4], ['杜', 'du', 0.4], ['叶', 'ye', 0.4], ['程', 'cheng', 0.4], ['苏', 'su', 0.4],
  ['魏', 'wei', 0.4], ['吕', 'lv', 0.3], ['丁', 'ding', 0.3], ['任', 'ren', 0.3], ['沈', 'shen', 0.3],
  ['姚', 'yao', 0.3], ['卢', 'lu', 0.3], ['姜', 'jiang', 0.3], ['崔', 'cui', 0.3], ['钟', 'zhong', 0.3],
  ['谭', 'tan', 0.3], ['陆', 'lu', 0.3], ['汪', 'wang', 0.3], ['范', 'fan', 0.3], ['金', 'jin', 0.3],
  ['石', 'shi', 0.3], ['廖', 'liao', 0.3], ['贾', 'jia', 0.2], ['夏', 'xia', 0.2], ['韦', 'wei', 0.2],
  ['方', 'fang', 0.2], ['白', 'bai', 0.2], ['邹', 'zou', 0.2], ['孟', 'meng', 0.2], ['熊', 'xiong', 0.2],
  ['秦', 'qin', 0.2], ['邱', 'qiu', 0.2], ['江', 'jiang', 0.2], ['尹', 'yin', 0.2], ['薛', 'xue', 0.2],
  ['段', 'duan', 0.2], ['雷', 'lei', 0.2], ['侯', 'hou', 0.2], ['龙', 'long', 0.2], ['史', 'shi', 0.2],
  ['陶', 'tao', 0.2], ['黎', 'li', 0.2], ['贺', 'he', 0.2], ['顾', 'gu', 0.2], ['毛', 'mao', 0.2],
  ['郝', 'hao', 0.1], ['龚', 'gong', 0.1], ['邵', 'shao', 0.1], ['万', 'wan', 0.1], ['钱', 'qian', 0.1],
  ['严', 'yan', 0.1], ['武', 'wu', 0.1], ['戴', 'dai', 0.1], ['孔', 'kong', 0.1], ['欧阳', 'ouyang', 0.05],
];

/** Characters used in given names, with pinyin. */
const GIVEN: [string, string][] = [
  ['芳', 'fang'], ['伟', 'wei'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'],
  ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'],
  ['桂', 'gui'], ['英', 'ying'], ['华', 'hua'], ['玉', 'yu'], ['兰', 'lan'], ['文', 'wen'], ['建', 'jian'],
  ['国', 'guo'], ['红', 'hong'], ['梅', 'mei'], ['鹏', 'peng'], ['辉', 'hui'], ['婷', 'ting'], ['雪', 'xue'],
  ['琳', 'lin'], ['浩', 'hao'], ['宇', 'yu'], ['欣', 'xin'], ['佳', 'jia'], ['晨', 'chen'], ['思', 'si'],
  ['子', 'zi'], ['怡', 'yi'], ['嘉', 'jia'], ['俊', 'jun'], ['晓', 'xiao'], ['亮', 'liang'], ['飞', 'fei'],
  ['斌', 'bin'], ['波', 'bo'], ['宁', 'ning'], ['凯', 'kai'], ['琴', 'qin'], ['云', 'yun'], ['海', 'hai'],
  ['龙', 'long'], ['新', 'xin'], ['琪', 'qi'], ['雨', 'yu'], ['萱', 'xuan'], ['泽', 'ze'], ['睿', 'rui'],
  ['轩', 'xuan'], ['博', 'bo'], ['诗', 'shi'], ['涵', 'han'], ['梓', 'zi'], ['一', 'yi'], ['诺', 'nuo'],
];
/** Whole given names that are very common, so queries like 王芳 / 李娜 / 张伟 have many hits. */
const COMMON_GIVEN: [string, string][] = [['芳', 'fang'], ['娜', 'na'], ['伟', 'wei'], ['秀英', 'xiuying'], ['敏', 'min'], ['静', 'jing']];

const EN_FIRST = [
  'Emily', 'James', 'Olivia', 'Liam', 'Sophia', 'Noah', 'Carol', 'Carlos', 'Caroline', 'Oscar', 'Emma', 'Mia',
  'William', 'Ava', 'Benjamin', 'Charlotte', 'Lucas', 'Amelia', 'Henry', 'Harper', 'Jack', 'Evelyn', 'Daniel',
  'Abigail', 'Michael', 'Ella', 'David', 'Grace', 'John', 'Chloe', 'Thomas', 'Lily', 'Robert', 'Hannah',
  'Sarah', 'Peter', 'Laura', 'Mark', 'Anna', 'Paul', 'Kevin', 'Rachel', 'Jason', 'Nicole', 'Ryan', 'Megan',
];
const EN_LAST = [
  'Smith', 'Johnson', 'Carter', 'Brown', 'Lee', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Moore', 'Taylor',
  'Anderson', 'Thomas', 'Jackson', 'White', 'Harris', 'Martin', 'Thompson', 'Martinez', 'Robinson', 'Clark',
  'Lewis', 'Walker', 'Hall', 'Allen', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson',
  'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Parker', 'Evans', 'Edwards', 'Collins',
  'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly',
];

const ZH_CITIES = new Weighted(
  ['上海', '北京', '广州', '深圳', '成都', '杭州', '南京', '武汉', '西安', '重庆', '天津', '苏州', '长沙', '郑州', '青岛', '厦门', '昆明', '大连', '宁波', '合肥', '福州', '济南', '沈阳', '哈尔滨', '石家庄', '南昌', '贵阳', '南宁', '无锡', '东莞'],
  [14, 12, 9, 9, 7, 7, 5, 5, 4, 5, 3, 4, 3, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
);
const EN_PLACES: [string, string, string][] = [
  // city, country, phone country code
  ['New York', 'United States', '1'], ['San Francisco', 'United States', '1'], ['Los Angeles', 'United States', '1'],
  ['Toronto', 'Canada', '1'], ['Vancouver', 'Canada', '1'], ['London', 'United Kingdom', '44'], ['Manchester', 'United Kingdom', '44'],
  ['Sydney', 'Australia', '61'], ['Melbourne', 'Australia', '61'], ['Singapore', 'Singapore', '65'],
  ['Hong Kong', 'Hong Kong', '852'], ['Shanghai', 'China', '86'], ['Berlin', 'Germany', '49'], ['Auckland', 'New Zealand', '64'],
];

const MOBILE_PREFIXES = new Weighted(
  ['138', '139', '135', '136', '137', '150', '151', '152', '158', '159', '186', '187', '188', '189', '130', '131', '132', '155', '156', '133', '153', '180', '181', '177', '199', '166', '191'],
  [6, 6, 5, 5, 5, 4, 4, 3, 4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 3, 2, 2, 2, 2, 2, 1, 1],
);
const ZH_MAIL = new Weighted(['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com', 'foxmail.com', 'sina.com', 'hotmail.com'], [30, 20, 8, 10, 8, 6, 4, 4]);
const EN_MAIL = new Weighted(['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.com', 'proton.me'], [40, 20, 12, 12, 10, 4]);

const TAGS = ['VIP', 'wholesale', 'newsletter', 'B2B', 'influencer', 'late payer', '老客户', '批发', '会员', '代理商', '重点客户', '团购'];

const EN_PRODUCTS = ['wireless earbuds', 'linen shirt', 'ceramic mug', 'yoga mat', 'leather wallet', 'green tea', 'desk lamp', 'running shoes', 'silk scarf', 'phone case', 'water bottle', 'backpack', 'wool sweater', 'coffee beans', 'face cream'];
const ZH_PRODUCTS = ['蓝牙耳机', '亚麻衬衫', '陶瓷杯', '瑜伽垫', '真皮钱包', '绿茶', '台灯', '跑鞋', '真丝围巾', '手机壳', '保温杯', '双肩包', '羊毛衫', '咖啡豆', '面霜'];
const COLORS = ['black', 'white', 'navy', 'red', 'beige', 'olive', 'grey'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const EN_AGENTS = ['Emily', 'Carl', 'Oscar', 'Megan', 'Tom'];
const ZH_AGENTS = ['小王', '小李', '李经理', '张姐', '小陈'];
const COMPANY_WORDS_EN = ['Bright', 'Northwind', 'Carter', 'Blue Harbor', 'Summit', 'Oak & Pine', 'Redwood', 'Silverline', 'Golden Gate', 'Maple', 'Evergreen', 'Atlas', 'Pioneer', 'Harbor', 'Union'];
const COMPANY_KINDS_EN = ['Trading', 'Delivery', 'Retail', 'Design', 'Foods', 'Logistics', 'Studio', 'Supplies', 'Consulting', 'Imports'];
const COMPANY_WORDS_ZH = ['华美', '盛达', '恒通', '天和', '鑫源', '宏图', '金诚', '博雅', '锦绣', '新丰', '永安', '瑞祥', '东方', '长城', '启明'];
const COMPANY_KINDS_ZH = ['贸易', '科技', '电子', '服饰', '食品', '物流', '文化', '家居', '商贸', '实业'];

// ---------------------------------------------------------------------------------------------
// Customers

export interface GenCustomer {
  id: number;
  name: string;
  companyId: number | null;
  company: string | null;
  email: string | null;
  emailNorm: string | null;
  phone: string | null;
  /** Digits with country code as generated; the bench stores normalizePhone(phone) when it can. */
  phoneNorm: string | null;
  city: string | null;
  country: string | null;
  language: 'en' | 'zh';
  consentEmail: number;
  consentSms: number;
  consentWechat: number;
  totalSpentCents: number;
  orderCount: number;
  firstOrderAt: number | null;
  lastOrderAt: number | null;
  createdAt: number;
  tagIds: number[];
  tags: string | null;
}

export interface GenCompany {
  id: number;
  name: string;
}

export function generateCompanies(rng: Rng, n: number): GenCompany[] {
  const seen = new Set<string>();
  const out: GenCompany[] = [];
  while (out.length < n) {
    let name: string;
    if (rng.chance(0.5)) {
      name = `${ZH_CITIES.pick(rng)}${rng.pick(COMPANY_WORDS_ZH)}${rng.pick(COMPANY_KINDS_ZH)}有限公司`;
    } else {
      name = `${rng.pick(COMPANY_WORDS_EN)} ${rng.pick(COMPANY_KINDS_EN)} ${rng.pick(['Ltd', 'Co', 'LLC', 'Inc', 'Group'])}`;
    }
    if (seen.has(name)) name = `${name} ${out.length}`;
    seen.add(name);
    out.push({ id: out.length + 1, name });
  }
  return out;
}

export function tagNames(): string[] {
  return [...TAGS];
}

const surnamePicker = new Weighted(
  SURNAMES.map(([zh, py]) => [zh, py] as [string, string]),
  SURNAMES.map(([, , w]) => w),
);

function chineseName(rng: Rng): { zh: string; surname: string; given: string } {
  const [sz, sp] = surnamePicker.pick(rng);
  let gz: string;
  let gp: string;
  if (rng.chance(0.12)) {
    [gz, gp] = rng.pick(COMMON_GIVEN);
  } else if (rng.chance(0.35)) {
    [gz, gp] = rng.pick(GIVEN);
  } else {
    const a = rng.pick(GIVEN);
    const b = rng.pick(GIVEN);
    gz = a[0] + b[0];
    gp = a[1] + b[1];
  }
  return { zh: sz + gz, surname: sp, given: gp };
}

function cnMobile(rng: Rng): { phone: string; norm: string } {
  const local = MOBILE_PREFIXES.pick(rng) + rng.digits(8);
  const norm = `86${local}`;
  const style = rng.int(0, 3);
  const phone =
    style === 0
      ? local
      : style === 1
        ? `+86 ${local.slice(0, 3)} ${local.slice(3, 7)} ${local.slice(7)}`
        : style === 2
          ? `${local.slice(0, 3)}-${local.slice(3, 7)}-${local.slice(7)}`
          : `+86${local}`;
  return { phone, norm };
}

function foreignPhone(rng: Rng, cc: string): { phone: string; norm: string } {
  switch (cc) {
    case '1': {
      const area = rng.pick(['212', '415', '310', '416', '604', '646']);
      const num = `${area}${rng.int(2, 9)}${rng.digits(6)}`;
      return { phone: `+1 (${num.slice(0, 3)}) ${num.slice(3, 6)}-${num.slice(6)}`, norm: `1${num}` };
    }
    case '44': {
      const num = `7${rng.digits(9)}`;
      return { phone: `+44 ${num.slice(0, 4)} ${num.slice(4)}`, norm: `44${num}` };
    }
    case '61': {
      const num = `4${rng.digits(8)}`;
      return { phone: `+61 ${num.slice(0, 3)} ${num.slice(3, 6)} ${num.slice(6)}`, norm: `61${num}` };
    }
    case '86':
      return cnMobile(rng);
    default: {
      const num = `${rng.int(6, 9)}${rng.digits(7)}`;
      return { phone: `+${cc} ${num.slice(0, 4)} ${num.slice(4)}`, norm: `${cc}${num}` };
    }
  }
}

export function generateCustomer(rng: Rng, id: number, companies: GenCompany[], tagCount: number): GenCustomer {
  const kind = rng.next();
  let name: string;
  let emailLocal: string;
  let domain: string;
  let phone: { phone: string; norm: string } | null = null;
  let city: string | null;
  let country: string | null;
  let language: 'en' | 'zh';
  if (kind < 0.6) {
    // Chinese customer, name in characters (or, sometimes, pinyin).
    const n = chineseName(rng);
    const pinyin = kind > 0.54;
    name = pinyin ? `${n.given[0].toUpperCase()}${n.given.slice(1)} ${n.surname[0].toUpperCase()}${n.surname.slice(1)}` : n.zh;
    const style = rng.int(0, 4);
    emailLocal =
      style === 0
        ? `${n.surname}.${n.given}`
        : style === 1
          ? `${n.surname}${n.given}${rng.int(1, 999)}`
          : style === 2
            ? `${n.given}.${n.surname}${rng.int(70, 99)}`
            : style === 3
              ? `${rng.int(1, 9)}${rng.digits(rng.int(6, 9))}`
              : `${n.surname}_${n.given}${rng.int(1, 99)}`;
    domain = style === 3 ? 'qq.com' : ZH_MAIL.pick(rng);
    if (rng.chance(0.92)) phone = cnMobile(rng);
    city = rng.chance(0.95) ? ZH_CITIES.pick(rng) : null;
    country = city ? (rng.chance(0.8) ? '中国' : 'China') : null;
    language = pinyin && rng.chance(0.5) ? 'en' : 'zh';
  } else {
    const first = rng.pick(EN_FIRST);
    const last = rng.pick(EN_LAST);
    name = `${first} ${last}`;
    const style = rng.int(0, 3);
    const f = first.toLowerCase();
    const l = last.toLowerCase();
    emailLocal = style === 0 ? `${f}.${l}` : style === 1 ? `${f}${l}${rng.int(1, 99)}` : style === 2 ? `${f[0]}${l}` : `${f}.${l}${rng.int(1, 9999)}`;
    domain = EN_MAIL.pick(rng);
    const [c, co, cc] = rng.pick(EN_PLACES);
    city = rng.chance(0.95) ? c : null;
    country = co;
    if (rng.chance(0.85)) phone = foreignPhone(rng, cc);
    language = 'en';
  }
  const hasCompany = rng.chance(0.3);
  const company = hasCompany ? companies[rng.int(0, companies.length - 1)] : null;
  if (company && rng.chance(0.4) && !/[\u4e00-\u9fff]/.test(company.name)) {
    domain = `${company.name.split(' ')[0].toLowerCase().replace(/[^a-z]/g, '')}.com`;
  }
  const email = rng.chance(0.88) ? `${emailLocal}@${domain}` : null;

  // Order metrics: a quarter never bought; the rest a long tail of repeat buyers.
  const createdAt = DATA_NOW - Math.floor(rng.next() * 4 * YEAR);
  let orderCount = 0;
  let totalSpentCents = 0;
  let firstOrderAt: number | null = null;
  let lastOrderAt: number | null = null;
  if (!rng.chance(0.25)) {
    orderCount = 1 + Math.floor(-Math.log(1 - rng.next()) * 4);
    for (let k = 0; k < orderCount; k++) totalSpentCents += rng.int(2_000, 90_000);
    const span = DATA_NOW - createdAt;
    firstOrderAt = createdAt + Math.floor(rng.next() * span * 0.5);
    lastOrderAt = orderCount === 1 ? firstOrderAt : firstOrderAt + Math.floor(rng.next() * (DATA_NOW - firstOrderAt));
  }

  const tagIds: number[] = [];
  if (rng.chance(0.22)) {
    const k = rng.chance(0.7) ? 1 : 2;
    while (tagIds.length < k) {
      const t = rng.int(1, tagCount);
      if (!tagIds.includes(t)) tagIds.push(t);
    }
    tagIds.sort((a, b) => a - b);
  }

  return {
    id,
    name,
    companyId: company?.id ?? null,
    company: company?.name ?? null,
    email,
    emailNorm: email ? email.toLowerCase() : null,
    phone: phone?.phone ?? null,
    phoneNorm: phone?.norm ?? null,
    city,
    country,
    language,
    consentEmail: rng.chance(0.6) ? 1 : 0,
    consentSms: rng.chance(0.4) ? 1 : 0,
    consentWechat: language === 'zh' && rng.chance(0.7) ? 1 : 0,
    totalSpentCents,
    orderCount,
    firstOrderAt,
    lastOrderAt,
    createdAt,
    tagIds,
    tags: tagIds.length ? tagIds.map((t) => TAGS[t - 1]).join(' ') : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Interactions

export interface GenInteraction {
  id: number;
  customerId: number;
  channel: string;
  direction: 'inbound' | 'outbound';
  language: 'en' | 'zh';
  subject: string | null;
  body: string;
  occurredAt: number;
  handled: number;
}

type Fill = (rng: Rng) => string;

const orderNo: Fill = (rng) => `${rng.int(2022, 2025)}${rng.digits(6)}`;
const track: Fill = (rng) => `${rng.pick(['SF', 'YT', 'ZTO', 'JD'])}${rng.digits(11)}`;
const enProduct: Fill = (rng) => rng.pick(EN_PRODUCTS);
const zhProduct: Fill = (rng) => rng.pick(ZH_PRODUCTS);
const money: Fill = (rng) => `${rng.int(20, 2000)}`;

const EN_INBOUND: ((rng: Rng) => string)[] = [
  (r) => `Hi, I would like a refund for order #${orderNo(r)}.`,
  (r) => `The ${enProduct(r)} arrived damaged, please advise.`,
  (r) => `When will my delivery arrive? It has been ${r.int(3, 21)} days.`,
  (r) => `Tracking number ${track(r)} has not updated since ${r.pick(WEEKDAYS)}.`,
  (r) => `Thanks ${r.pick(EN_AGENTS)}, the ${enProduct(r)} works great!`,
  (r) => `Can I change the delivery address to ${r.pick(EN_PLACES)[0]}?`,
  (r) => `Please send me the invoice for order #${orderNo(r)}.`,
  (r) => `The quality of the ${enProduct(r)} is not what I expected.`,
  (r) => `I was charged twice, ${money(r)} dollars each time.`,
  (r) => `Do you have the ${enProduct(r)} in ${r.pick(COLORS)}?`,
  () => 'Following up on our call about the wholesale price.',
  () => 'Great service, will order again next month.',
  () => 'The courier left the parcel at the wrong door.',
  () => 'Your delivery driver was very friendly.',
  (r) => `I'd like to return the ${enProduct(r)}, the size is too small.`,
  (r) => `Is there a discount for orders over ${money(r)}?`,
  () => 'Still waiting for my refund, it has been two weeks.',
  (r) => `Could you ship the ${enProduct(r)} by express delivery?`,
];
const EN_OUTBOUND: ((rng: Rng, name: string) => string)[] = [
  (r, n) => `Hi ${n}, your order #${orderNo(r)} has shipped, tracking ${track(r)}.`,
  (_r, n) => `Hi ${n}, your refund has been processed and should appear in 3-5 days.`,
  (r, n) => `Dear ${n}, thank you for your purchase of the ${enProduct(r)}!`,
  (_r, n) => `Hi ${n}, we are sorry about the delivery delay and have added a voucher to your account.`,
  (r, n) => `Hello ${n}, the invoice for order #${orderNo(r)} is attached.`,
];
const EN_SUBJECTS: Fill[] = [(r) => `Order #${orderNo(r)}`, () => 'Refund request', () => 'Delivery question', () => 'Invoice needed', () => 'Product question', () => 'Thank you'];

const ZH_INBOUND: ((rng: Rng) => string)[] = [
  (r) => `你好，我想申请退货，订单号${orderNo(r)}。`,
  (r) => `请问${zhProduct(r)}什么时候发货？`,
  (r) => `物流信息${r.int(3, 9)}天没有更新了，麻烦查一下。`,
  (r) => `快递员说明天送到${ZH_CITIES.pick(r)}。`,
  () => '发票还没有收到，请尽快开具。',
  (r) => `需要开增值税专用发票，抬头是${r.pick(COMPANY_WORDS_ZH)}公司。`,
  (r) => `${zhProduct(r)}质量很好，下次还会再买。`,
  (r) => `收到的${zhProduct(r)}有破损，要求退款。`,
  (r) => `客服${r.pick(ZH_AGENTS)}态度很好，谢谢！`,
  (r) => `能不能便宜一点？买${r.int(2, 50)}件。`,
  () => '包装很结实，物流也很快。',
  () => '退货地址是哪里？快递费谁出？',
  () => '颜色和图片不一样，有色差。',
  (r) => `已经付款了，订单${orderNo(r)}请确认。`,
  () => '会员积分怎么用？',
  (r) => `快递单号${track(r)}查不到信息。`,
  () => '尺码偏小，想换大一号。',
  (r) => `${zhProduct(r)}有点质量问题，能换货吗？`,
];
const ZH_OUTBOUND: ((rng: Rng, name: string) => string)[] = [
  (r, n) => `${n}您好，您的订单已发货，快递单号${track(r)}。`,
  (_r, n) => `${n}您好，感谢您的反馈，我们会尽快处理退货。`,
  (_r, n) => `生日快乐，${n}！送您一张优惠券。`,
  (_r, n) => `${n}您好，退款已原路返回，请注意查收。`,
  (_r, n) => `${n}您好，发票已开具，电子版已发到您的邮箱。`,
];
const ZH_SUBJECTS: Fill[] = [(r) => `关于订单${orderNo(r)}`, () => '退货申请', () => '发票问题', () => '物流查询', () => '商品咨询'];

const ZH_CHANNELS = new Weighted(['wechat', 'phone', 'sms', 'email', 'in_person', 'social'], [45, 15, 10, 15, 8, 7]);
const EN_CHANNELS = new Weighted(['email', 'whatsapp', 'phone', 'social', 'sms', 'in_person'], [45, 20, 12, 10, 8, 5]);

/** What an interaction needs to know about its customer. */
export interface CustomerBrief {
  language: 'en' | 'zh';
  /** How the business greets them: the full Chinese name or the English first name. */
  greeting: string;
}

export function customerBrief(c: Pick<GenCustomer, 'name' | 'language'>): CustomerBrief {
  const isHan = /[\u4e00-\u9fff]/.test(c.name);
  return { language: isHan ? 'zh' : c.language, greeting: isHan ? c.name : c.name.split(' ')[0] };
}

/**
 * Interaction `id` of `total`, spread evenly over the last three years so ids follow time,
 * as they do in a database that grows day by day.
 */
export function generateInteraction(rng: Rng, id: number, total: number, customerCount: number, briefs: CustomerBrief[]): GenInteraction {
  // A fifth of the customers write most of the messages.
  const customerId = rng.chance(0.6) ? 1 + Math.floor(rng.next() * Math.max(1, Math.floor(customerCount / 5))) * 5 : rng.int(1, customerCount);
  const cid = Math.min(customerId, customerCount);
  const brief = briefs[cid - 1];
  const zh = brief.language === 'zh' ? !rng.chance(0.05) : rng.chance(0.03);
  const inbound = rng.chance(0.6);
  const channel = (zh ? ZH_CHANNELS : EN_CHANNELS).pick(rng);
  let body: string;
  if (inbound) {
    const parts = rng.int(1, 3);
    const pieces: string[] = [];
    for (let k = 0; k < parts; k++) pieces.push(zh ? rng.pick(ZH_INBOUND)(rng) : rng.pick(EN_INBOUND)(rng));
    body = pieces.join(zh ? '' : ' ');
  } else {
    body = zh ? rng.pick(ZH_OUTBOUND)(rng, brief.greeting) : rng.pick(EN_OUTBOUND)(rng, brief.greeting);
  }
  const subject = channel === 'email' ? (zh ? rng.pick(ZH_SUBJECTS)(rng) : rng.pick(EN_SUBJECTS)(rng)) : null;
  const span = 3 * YEAR;
  const occurredAt = DATA_NOW - span + Math.floor(((id - 1) / total) * span) + rng.int(0, 60_000);
  // Recent inbound messages may still wait for a reply.
  const handled = !inbound || occurredAt < DATA_NOW - 14 * DAY || rng.chance(0.5) ? 1 : 0;
  return { id, customerId: cid, channel, direction: inbound ? 'inbound' : 'outbound', language: zh ? 'zh' : 'en', subject, body, occurredAt, handled };
}
