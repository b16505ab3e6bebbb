// A row of a customer file, checked and turned into the values Patron stores.
import { choice, guessLanguage, LANGUAGE, parseBool, parseTags } from './parse-values';
import { bad, readOptionalDate, readPerson, type Checked, type Columns, type ParseOptions, type Person, valueOf } from './validate-common';

export interface CustomerRow extends Person {
  company: string | null;
  city: string | null;
  country: string | null;
  /** From the file when mapped; otherwise guessed from the name and only used for new customers. */
  language: string;
  languageGiven: boolean;
  tags: string[];
  note: string | null;
  createdAt: number | null;
  consentEmail: boolean | undefined;
  consentSms: boolean | undefined;
  consentWechat: boolean | undefined;
}

const text = (v: string, max: number) => (v ? v.replace(/\s+/g, ' ').slice(0, max) : null);

function consent(cols: Columns, cells: string[], field: string): Checked<boolean | undefined> {
  const raw = cols.get(cells, field);
  if (!raw) return { ok: true, value: undefined };
  const v = parseBool(raw);
  if (v === undefined) return bad(field, { code: 'yes_no_invalid', params: { value: valueOf(raw) } });
  return { ok: true, value: v };
}

export function readCustomer(cols: Columns, cells: string[], opts: ParseOptions): Checked<CustomerRow> {
  const person = readPerson(cols, cells, '', opts);
  if (!person.ok) return person;
  const p = person.value;
  if (!p.name && !p.email && !p.phone) return bad('name', { code: 'person_missing', params: {} });
  const rawLanguage = cols.get(cells, 'language');
  let language = guessLanguage(p.name);
  if (rawLanguage) {
    const l = choice(LANGUAGE, rawLanguage);
    if (!l) return bad('language', { code: 'language_unknown', params: { value: valueOf(rawLanguage) } });
    language = l;
  }
  const created = readOptionalDate(cols, cells, 'created_at', opts);
  if (!created.ok) return created;
  const ce = consent(cols, cells, 'consent_email');
  if (!ce.ok) return ce;
  const cs = consent(cols, cells, 'consent_sms');
  if (!cs.ok) return cs;
  const cw = consent(cols, cells, 'consent_wechat');
  if (!cw.ok) return cw;
  const note = cols.get(cells, 'note');
  return {
    ok: true,
    value: {
      // A customer needs a name; one known only by email or phone is called by it until renamed.
      // (Fields spelled out: V8 builds `{ ...p, more }` through a slow path, ~8 µs an object.)
      name: p.name ?? p.email ?? p.phone,
      email: p.email,
      emailNorm: p.emailNorm,
      phone: p.phone,
      phoneNorm: p.phoneNorm,
      company: text(cols.get(cells, 'company'), 200),
      city: text(cols.get(cells, 'city'), 100),
      country: text(cols.get(cells, 'country'), 100),
      language,
      languageGiven: !!rawLanguage,
      tags: parseTags(cols.get(cells, 'tags')),
      note: note ? note.slice(0, 20_000) : null,
      createdAt: created.value,
      consentEmail: ce.value,
      consentSms: cs.value,
      consentWechat: cw.value,
    },
  };
}
