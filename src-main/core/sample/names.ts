// People and places for the sample shop: Chinese customers in Chinese cities, international
// customers elsewhere, with phones, emails and employers that look like real ones. Emails and
// phones carry a number derived one-to-one from the customer's index, so no two sample
// customers share one (the customer form refuses duplicates).
import { normalizePhone } from '../customers/normalize';
import type { Lang } from './calendar';
import type { Rng } from './random';

// [surname, pinyin, weight]: the most common surnames, roughly by frequency.
const SURNAMES: [string, string, number][] = [
  ['王', 'wang', 72], ['李', 'li', 71], ['张', 'zhang', 66], ['刘', 'liu', 54], ['陈', 'chen', 46], ['杨', 'yang', 31],
  ['黄', 'huang', 24], ['赵', 'zhao', 22], ['吴', 'wu', 21], ['周', 'zhou', 21], ['徐', 'xu', 14], ['孙', 'sun', 13],
  ['马', 'ma', 12], ['朱', 'zhu', 12], ['胡', 'hu', 11], ['郭', 'guo', 11], ['何', 'he', 9], ['高', 'gao', 9],
  ['林', 'lin', 9], ['罗', 'luo', 8], ['郑', 'zheng', 8], ['梁', 'liang', 7], ['谢', 'xie', 6], ['宋', 'song', 6],
  ['唐', 'tang', 6], ['许', 'xu', 5], ['韩', 'han', 5], ['冯', 'feng', 5], ['邓', 'deng', 5], ['曹', 'cao', 5],
  ['彭', 'peng', 4], ['曾', 'zeng', 4], ['肖', 'xiao', 4], ['田', 'tian', 4], ['董', 'dong', 4], ['袁', 'yuan', 4],
  ['潘', 'pan', 3], ['于', 'yu', 3], ['蒋', 'jiang', 3], ['蔡', 'cai', 3], ['余', 'yu', 3], ['杜', 'du', 3],
  ['叶', 'ye', 3], ['程', 'cheng', 3], ['苏', 'su', 3], ['魏', 'wei', 3], ['吕', 'lv', 3], ['丁', 'ding', 3],
  ['任', 'ren', 2], ['沈', 'shen', 2], ['姚', 'yao', 2], ['卢', 'lu', 2], ['姜', 'jiang', 2], ['崔', 'cui', 2],
  ['钟', 'zhong', 2], ['谭', 'tan', 2], ['陆', 'lu', 2], ['汪', 'wang', 2], ['范', 'fan', 2], ['金', 'jin', 2],
  ['石', 'shi', 2], ['廖', 'liao', 2], ['贾', 'jia', 2], ['夏', 'xia', 2], ['方', 'fang', 2], ['白', 'bai', 2],
  ['邹', 'zou', 2], ['孟', 'meng', 2], ['秦', 'qin', 2], ['顾', 'gu', 2], ['欧阳', 'ouyang', 1], ['司马', 'sima', 1],
];

const GIVEN: [string, string][] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'],
  ['超', 'chao'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['丹', 'dan'], ['颖', 'ying'], ['琳', 'lin'], ['晨', 'chen'],
  ['鹏', 'peng'], ['辉', 'hui'], ['斌', 'bin'], ['玲', 'ling'], ['倩', 'qian'], ['凯', 'kai'], ['雪', 'xue'], ['波', 'bo'],
  ['秀英', 'xiuying'], ['秀兰', 'xiulan'], ['桂英', 'guiying'], ['建华', 'jianhua'], ['志强', 'zhiqiang'], ['晓明', 'xiaoming'],
  ['婷婷', 'tingting'], ['子涵', 'zihan'], ['欣怡', 'xinyi'], ['浩然', 'haoran'], ['宇轩', 'yuxuan'], ['梓萱', 'zixuan'],
  ['佳怡', 'jiayi'], ['思远', 'siyuan'], ['嘉欣', 'jiaxin'], ['俊杰', 'junjie'], ['一诺', 'yinuo'], ['诗涵', 'shihan'],
  ['文博', 'wenbo'], ['海燕', 'haiyan'], ['晓东', 'xiaodong'], ['丽华', 'lihua'], ['建国', 'jianguo'], ['雨桐', 'yutong'],
  ['子豪', 'zihao'], ['梦瑶', 'mengyao'], ['振宇', 'zhenyu'], ['慧敏', 'huimin'], ['晓燕', 'xiaoyan'], ['国强', 'guoqiang'],
];

const FIRST_NAMES = [
  'Emily', 'Oliver', 'Sophie', 'James', 'Charlotte', 'Thomas', 'Amelia', 'Daniel', 'Grace', 'William', 'Hannah', 'Jack',
  'Olivia', 'Henry', 'Chloe', 'Benjamin', 'Lucy', 'Samuel', 'Isabella', 'Matthew', 'Emma', 'Michael', 'Sarah', 'David',
  'Laura', 'Andrew', 'Rachel', 'Christopher', 'Jessica', 'Ryan', 'Megan', 'Nathan', 'Anna', 'Lucas', 'Zoe', 'Ethan',
  'Mia', 'Noah', 'Ava', 'Liam', 'Priya', 'Arjun', 'Sofia', 'Mateo', 'Claire', 'Peter', 'Helen', 'Mark', 'Julia', 'Tom',
];
const LAST_NAMES = [
  'Carter', 'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright',
  'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke', 'Jackson', 'Turner', 'Hill',
  'Moore', 'Cooper', 'Ward', 'Morris', 'King', 'Baker', 'Mitchell', 'Bennett', 'Campbell', 'Murphy', 'Kelly', "O'Brien",
  'Anderson', 'Martin', 'Miller', 'Fischer', 'Dubois', 'Rossi', 'Patel', 'Nguyen', 'Garcia', 'Reed', 'Foster', 'Price',
];
// Hong Kong, Singapore, Malaysia, Vancouver: English given names with romanised Chinese surnames.
const ASIAN_FIRST = ['Kelvin', 'Jason', 'Vivian', 'Winnie', 'Eric', 'Jacky', 'Cindy', 'Alan', 'Joyce', 'Raymond', 'Karen', 'Ivan', 'Gloria', 'Marcus'];
const ASIAN_LAST = ['Chan', 'Wong', 'Lee', 'Cheung', 'Lau', 'Ng', 'Tan', 'Lim', 'Leung', 'Ho', 'Tang', 'Koh', 'Yeung', 'Chua'];

interface Place {
  city: string;
  country: string;
  weight: number;
  /** Formats a mobile number from three random digits and a unique six-digit tail (all used). */
  phone: (r: string, tail: string) => string;
  asian?: number;
}

const cn = (r: string, t: string) => `+86 1${3 + (Number(r[0]) % 7)}${r[1]} ${r[2]}${t.slice(0, 3)} ${t.slice(3)}${r[0]}`;
const nanp = (area: number) => (r: string, t: string) => `+1 ${area} ${2 + (Number(r[0]) % 8)}${t.slice(0, 2)} ${t.slice(2)}`;
const uk = (r: string, t: string) => `+44 7${r} ${t}`;
const au = (r: string, t: string) => `+61 4${r.slice(0, 2)} ${t.slice(0, 3)} ${t.slice(3)}`;
const CN_PLACES: Place[] = [
  ['上海', 16], ['北京', 14], ['广州', 9], ['深圳', 10], ['杭州', 9], ['成都', 7], ['南京', 6], ['武汉', 6], ['苏州', 5],
  ['西安', 4], ['重庆', 4], ['天津', 3], ['长沙', 3], ['厦门', 3], ['青岛', 3], ['宁波', 2], ['福州', 2], ['昆明', 2],
].map(([city, weight]) => ({ city: city as string, country: '中国', weight: weight as number, phone: cn }));

const INTL_PLACES: Place[] = [
  { city: 'London', country: 'United Kingdom', weight: 12, phone: uk },
  { city: 'Manchester', country: 'United Kingdom', weight: 4, phone: uk },
  { city: 'New York', country: 'United States', weight: 10, phone: nanp(917) },
  { city: 'San Francisco', country: 'United States', weight: 6, phone: nanp(415) },
  { city: 'Seattle', country: 'United States', weight: 3, phone: nanp(206) },
  { city: 'Toronto', country: 'Canada', weight: 7, phone: nanp(416) },
  { city: 'Vancouver', country: 'Canada', weight: 5, asian: 0.4, phone: nanp(604) },
  { city: 'Singapore', country: 'Singapore', weight: 9, asian: 0.6, phone: (r, t) => `+65 ${8 + (Number(r[0]) % 2)}${r[1]}${t.slice(0, 2)} ${t.slice(2)}` },
  { city: 'Sydney', country: 'Australia', weight: 7, phone: au },
  { city: 'Melbourne', country: 'Australia', weight: 4, phone: au },
  { city: 'Hong Kong', country: 'Hong Kong', weight: 8, asian: 0.7, phone: (r, t) => `+852 ${[5, 6, 9][Number(r[0]) % 3]}${r[1]}${t.slice(0, 2)} ${t.slice(2)}` },
  { city: 'Kuala Lumpur', country: 'Malaysia', weight: 3, asian: 0.6, phone: (r, t) => `+60 12-${r[1]}${t.slice(0, 2)} ${t.slice(2)}` },
  { city: 'Auckland', country: 'New Zealand', weight: 2, phone: (r, t) => `+64 21 ${r[1]}${t.slice(0, 2)} ${t.slice(2)}` },
  { city: 'Berlin', country: 'Germany', weight: 3, phone: (r, t) => `+49 151 ${r.slice(0, 2)}${t}` },
  { city: 'Paris', country: 'France', weight: 2, phone: (r, t) => `+33 6 ${r.slice(0, 2)} ${t.slice(0, 2)} ${t.slice(2, 4)} ${t.slice(4)}` },
];

const ZH_COMPANIES = [
  '上海瑞丰贸易有限公司', '杭州云栖科技有限公司', '深圳前海启明投资', '北京华章文化传媒', '广州岭南茶业商行',
  '成都锦城餐饮管理有限公司', '南京金陵设计院', '苏州工业园区博远电子', '武汉长江律师事务所', '上海静安会计师事务所',
  '厦门鹭岛酒店管理', '杭州西溪健康管理中心', '北京中关村创新工场', '深圳南山智造科技', '宁波港城物流有限公司',
];
const EN_COMPANIES: [string, string][] = [
  ['Harbour & Pine Ltd', 'harbourpine.co.uk'], ['Northwind Trading', 'northwindtrading.com'], ['Bluegate Consulting', 'bluegate.io'],
  ['Meridian Legal LLP', 'meridianlegal.com'], ['Kestrel Design Studio', 'kestrel.studio'], ['Lantern Hotels Group', 'lanternhotels.com'],
  ['Silverline Dental Clinic', 'silverlinedental.com'], ['Oakridge Accountants', 'oakridge-cpa.com'], ['Juniper Events', 'juniperevents.sg'],
  ['Copperfield Realty', 'copperfield.com.au'], ['Tidewater Capital', 'tidewatercap.com'], ['Orchard Road Media', 'orchardmedia.sg'],
];

export interface Person {
  name: string;
  email: string;
  phone: string;
  phoneNorm: string | null;
  city: string;
  country: string;
  company: { name: string; website: string | null } | null;
  /** What messages call them: 芳 / Emily. */
  greeting: string;
}

/** A number that differs for every customer index of one data set: a bijection mod 10^digits. */
export function uniqueNumber(index: number, seed: number, digits: number): number {
  const m = 10 ** digits;
  return (((index * 7919) % m) + (seed * 104729 + 12345)) % m;
}

export function makePerson(rng: Rng, index: number, seed: number, lang: Lang, total: number, withCompany: boolean): Person {
  const tail = String(uniqueNumber(index, seed, 6)).padStart(6, '0');
  const r = String(rng.int(0, 999)).padStart(3, '0');
  // Email numbers are unique within the data set and only as long as it needs.
  const n = uniqueNumber(index, seed + 1, Math.max(2, String(total).length));
  if (lang === 'zh') {
    const [sur, surPy] = rng.weighted(SURNAMES, SURNAMES.map((s) => s[2]));
    const [given, givenPy] = rng.pick(GIVEN);
    const place = rng.weighted(CN_PLACES, CN_PLACES.map((p) => p.weight));
    const company = withCompany ? { name: rng.pick(ZH_COMPANIES), website: null } : null;
    const style = rng.int(0, 9);
    const email =
      style < 3
        ? `${10_000_000 + uniqueNumber(index, seed + 2, 7) * 37 + rng.int(0, 36)}@qq.com`
        : style < 6
          ? `${surPy}${givenPy}${n}@${rng.pick(['163.com', '126.com', 'qq.com'])}`
          : style < 8
            ? `${givenPy}_${surPy}${n}@${rng.pick(['163.com', 'sina.com', 'foxmail.com'])}`
            : `${surPy}.${givenPy}${n}@${rng.pick(['outlook.com', 'gmail.com', 'aliyun.com'])}`;
    const phone = place.phone(r, tail);
    return { name: `${sur}${given}`, email, phone, phoneNorm: normalizePhone(phone), city: place.city, country: place.country, company, greeting: `${sur}${given}` };
  }
  const place = rng.weighted(INTL_PLACES, INTL_PLACES.map((p) => p.weight));
  const asian = rng.chance(place.asian ?? 0.05);
  const first = rng.pick(asian ? ASIAN_FIRST : FIRST_NAMES);
  const last = rng.pick(asian ? ASIAN_LAST : LAST_NAMES);
  const company = withCompany ? rng.pick(EN_COMPANIES) : null;
  const f = first.toLowerCase();
  const l = last.toLowerCase().replace(/[^a-z]/g, '');
  const style = rng.int(0, 9);
  const email = company
    ? `${f}.${l}${n}@${company[1]}`
    : style < 4
      ? `${f}.${l}${n}@gmail.com`
      : style < 7
        ? `${f[0]}${l}${n}@outlook.com`
        : `${f}${l[0]}${n}@${rng.pick(['yahoo.com', 'icloud.com', 'hotmail.com'])}`;
  const phone = place.phone(r, tail);
  return {
    name: `${first} ${last}`,
    email,
    phone,
    phoneNorm: normalizePhone(phone),
    city: place.city,
    country: place.country,
    company: company ? { name: company[0], website: `https://${company[1]}` } : null,
    greeting: first,
  };
}
