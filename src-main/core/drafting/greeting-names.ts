// The names a reply addresses, read from its greetings, and whether each is a form of the name on
// record. Greetings are read at the start of a line only (where a reply greets):
//   English: "Dear X", "Hi X", "Hello X", "Hey X", "Good morning X" (a title may come first: "Ms Lee");
//   Chinese: "亲爱的X", "尊敬的X", "X您好" / "X，你好", "您好，X女士".
// Forms of the name on record: the full name; any one word of a name written with spaces (given
// name, surname: "Anna", "Lee", and for pinyin "Wang Fang" either); for a Chinese name written as
// one word, its surname (compound surnames such as 欧阳 known) and given name. With a title
// (Mr/Ms/先生/女士...) the name before or after it must be the surname or the full name. Generic
// addresses ("Dear customer", "Hi there", "亲，您好", "尊敬的顾客") name no one and pass.
// Known gap: a wrong surname after a right given name without a comma ("Hi Anna Smith") passes.
const HAN = /^\p{Script=Han}+$/u;
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '申屠']);
const GENERIC = new Set([
  'customer', 'customers', 'valued customer', 'dear customer', 'there', 'friend', 'friends', 'all', 'everyone', 'team', 'sir', 'madam', 'sir or madam', 'sir/madam', 'guest', 'folks', 'you',
  '亲', '亲们', '顾客', '客户', '朋友', '顾客朋友', '各位', '大家', '老板', '您', '你', '客官', '用户', '家人们', '宝宝',
]);
const EN_GREETING = /^[ \t]*(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening))\b[ \t]*(.*)$/gim;
/** Capitalised words that open a sentence after "Hi," rather than name someone. */
const NOT_NAMES = new Set(['thank', 'thanks', 'we', 'i', 'your', 'our', 'sorry', 'please', 'hope', 'it', 'this', 'just', 'many', 'greetings', 'welcome', 'great', 'good', 'the', 'a']);
const EN_TITLE = /^(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+/i;
const STOP = /[,，!！:：;；.。?？、\n]/;
const ZH_DEAR = /^[ \t]*(?:亲爱的|尊敬的)[ \t]*([^\s，,。！!：:、；;？?]{1,12})/gm;
const ZH_HELLO_AFTER = /^[ \t]*([^\s，,。！!：:、；;？?]{1,10}?)[ \t]*[，,]?[ \t]*(?:您好|你好)/gm;
const ZH_HELLO_BEFORE = /^[ \t]*(?:您好|你好)[ \t]*[，,][ \t]*([^\s，,。！!：:、；;？?]{1,6}?(?:先生|女士|小姐|老师|总|经理))(?=[，,。！!：:\s]|$)/gm;
const ZH_TITLE = /(?:先生|女士|小姐|老师|总|经理|同学)$/;

export interface Addressed {
  /** As written, title included. */
  text: string;
  /** The name without its title, lower-cased, split in words. */
  words: string[];
  titled: boolean;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** The names the text's greetings address (generic ones included; nameForms decides). */
export function addressedNames(text: string): Addressed[] {
  const out: Addressed[] = [];
  const add = (written: string, name: string, titled: boolean) => {
    const words = norm(name).split(' ').filter(Boolean);
    if (words.length) out.push({ text: written.trim(), words, titled });
  };
  for (const m of text.matchAll(EN_GREETING)) {
    let rest = m[1].replace(/^[,，][ \t]*/, '');
    const title = EN_TITLE.exec(rest);
    if (title) rest = rest.slice(title[0].length);
    const head = rest.split(STOP)[0];
    // Capitalised or Chinese words only: "Hi Anna thanks for..." addresses Anna.
    const words: string[] = [];
    for (const w of head.split(/\s+/)) {
      if (!w || !(/^\p{Lu}/u.test(w) || /^\p{Script=Han}/u.test(w)) || words.length === 3 || NOT_NAMES.has(w.toLowerCase())) break;
      words.push(w);
    }
    if (words.length) add(`${title?.[0] ?? ''}${words.join(' ')}`, words.join(' '), !!title);
  }
  const zhLines = new Set<number>();
  for (const m of text.matchAll(ZH_DEAR)) {
    zhLines.add(m.index);
    const name = m[1].replace(/(?:您好|你好)$/, '');
    add(m[1], name.replace(ZH_TITLE, ''), ZH_TITLE.test(name) && name.replace(ZH_TITLE, '') !== '');
  }
  for (const m of text.matchAll(ZH_HELLO_AFTER)) {
    if (zhLines.has(m.index) || /^(?:亲爱的|尊敬的)/.test(m[1])) continue;
    add(m[1], m[1].replace(ZH_TITLE, ''), ZH_TITLE.test(m[1]) && m[1].replace(ZH_TITLE, '') !== '');
  }
  for (const m of text.matchAll(ZH_HELLO_BEFORE)) add(m[1], m[1].replace(ZH_TITLE, ''), true);
  return out;
}

function chineseParts(name: string): { surname: string; given: string } {
  const two = name.slice(0, 2);
  const surname = name.length > 2 && COMPOUND_SURNAMES.has(two) ? two : name.slice(0, 1);
  return { surname, given: name.slice(surname.length) };
}

/** Whether a greeting's name is a form of the name on record (see the header). */
export function isFormOf(addressed: Addressed, recordName: string): boolean {
  const full = norm(recordName);
  const said = addressed.words.join(' ');
  if (GENERIC.has(said) || (!addressed.titled && said === '')) return true;
  const fullWords = full.split(' ');
  const surnames = new Set<string>();
  const plain = new Set<string>([full, full.replace(/ /g, '')]);
  for (const w of fullWords) {
    if (HAN.test(w) && w.length >= 2) {
      const { surname, given } = chineseParts(w);
      surnames.add(surname);
      if (given) plain.add(given);
    } else if (fullWords.length > 1) {
      surnames.add(w);
      plain.add(w);
    }
  }
  const ok = (s: string) => plain.has(s) || surnames.has(s) || plain.has(s.replace(/ /g, ''));
  if (addressed.titled) return ok(said);
  // "Anna Thank" (no comma after the name): a name followed by the next sentence's first word.
  for (let n = addressed.words.length; n >= 1; n--) if (ok(addressed.words.slice(0, n).join(' '))) return true;
  return false;
}

/** The names addressed that are not the customer's, as written. */
export function wrongNames(text: string, recordName: string): string[] {
  const wrong: string[] = [];
  for (const a of addressedNames(text)) if (!isFormOf(a, recordName) && !wrong.includes(a.text)) wrong.push(a.text);
  return wrong;
}
