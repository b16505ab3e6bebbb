// Checked rows packed for the trip from the checking worker to the writing thread. Structured
// cloning (postMessage of objects) costs more to unpack than checking the rows did, so a batch
// travels as three flat parts: one string holding every text value end to end, the end offset
// of each value in it, and the numbers. Unpacking is then slicing that string, field by field,
// in the fixed order each kind's writer below defines. A row's original cells travel too, but are
// only cut out when the row has to be reported as rejected. Most values are a cell as it was (an
// order number, a name, a SKU): those travel as a reference to the cell, and a person repeated
// from the row before (each line of an order) as one flag, which halves the text.
import type { Sentiment } from '../../shared/sentiment';
import type { CheckedRow, ImportKind, RowValues } from './check-row';
import type { CellSource } from './source-row';
import { grown } from './typed-arrays';
import type { Person, RowProblem } from './validate-common';

export interface EncodedBatch {
  kind: ImportKind;
  rows: number;
  text: string;
  /** End of each text value in `text`; -1 for null. */
  ends: Int32Array;
  /** Numbers; null as NaN (checked numbers are finite), booleans as 1/0 and undefined as -1. */
  nums: Float64Array;
}

class Packer {
  private parts: string[] = [];
  private pos = 0;
  private ends = new Int32Array(4096);
  private nums = new Float64Array(4096);
  private si = 0;
  private ni = 0;
  rows = 0;
  /** The cells of the row being packed: a value equal to one of them is sent as a reference to it. */
  cells: string[] | null = null;
  /** The person of the row before (lines of one order share theirs): sent again as a flag. */
  lastPerson: Person | null = null;

  str(s: string | null): void {
    if (this.si === this.ends.length) this.ends = grown(this.ends, this.si + 1);
    if (s === null) {
      this.ends[this.si++] = -1;
      return;
    }
    const cells = this.cells;
    if (cells !== null) {
      for (let k = 0; k < cells.length; k++) {
        if (cells[k] === s) {
          this.ends[this.si++] = -2 - k;
          return;
        }
      }
    }
    this.parts.push(s);
    this.pos += s.length;
    this.ends[this.si++] = this.pos;
  }

  num(n: number | null): void {
    if (this.ni === this.nums.length) this.nums = grown(this.nums, this.ni + 1);
    this.nums[this.ni++] = n === null ? NaN : n;
  }

  bool(b: boolean | undefined): void {
    this.num(b === undefined ? -1 : b ? 1 : 0);
  }

  finish(kind: ImportKind): EncodedBatch {
    const out = { kind, rows: this.rows, text: this.parts.join(''), ends: this.ends.slice(0, this.si), nums: this.nums.slice(0, this.ni) };
    this.parts = [];
    this.si = this.ni = this.pos = this.rows = 0;
    this.lastPerson = null;
    return out;
  }
}

class Unpacker {
  si = 0;
  private ni = 0;
  pos = 0;
  /** Where the current row's cells start (in `ends` and in the text). */
  /** The row being unpacked: a value sent as a reference to one of its cells is cut from it. */
  row: PackedCells | null = null;
  lastPerson: Person | null = null;

  constructor(readonly b: EncodedBatch) {}

  str(): string | null {
    const end = this.b.ends[this.si++];
    if (end < 0) return end === -1 ? null : this.row!.cell(-2 - end);
    const s = this.b.text.slice(this.pos, end);
    this.pos = end;
    return s;
  }

  text(): string {
    return this.str() ?? '';
  }

  /** A number that is never null. */
  int(): number {
    return this.b.nums[this.ni++];
  }

  num(): number | null {
    const n = this.b.nums[this.ni++];
    return Number.isNaN(n) ? null : n;
  }

  bool(): boolean | undefined {
    const n = this.b.nums[this.ni++];
    return n < 0 ? undefined : n === 1;
  }

  /** Steps over `n` text values that are never null, returning where they end in the text. */
  skip(n: number): number {
    this.si += n;
    if (n > 0) this.pos = this.b.ends[this.si - 1];
    return this.pos;
  }
}

/** A row's original cells, cut out of the batch only when asked for. */
class PackedCells implements CellSource {
  constructor(
    private readonly b: EncodedBatch,
    private readonly si: number,
    private readonly pos: number,
    private readonly n: number,
  ) {}

  get cells(): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.n; k++) out.push(this.cell(k));
    return out;
  }

  cell(k: number): string {
    const ends = this.b.ends;
    return this.b.text.slice(k === 0 ? this.pos : ends[this.si + k - 1], ends[this.si + k]);
  }
}

type Codec<V> = { put(p: Packer, v: V): void; take(u: Unpacker): V };

const person: Codec<Person> = {
  put(p, v) {
    const same = v === p.lastPerson;
    p.bool(same);
    if (same) return;
    p.lastPerson = v;
    p.str(v.name);
    p.str(v.email);
    p.str(v.emailNorm);
    p.str(v.phone);
    p.str(v.phoneNorm);
  },
  take(u) {
    if (u.bool()) return u.lastPerson!;
    return (u.lastPerson = { name: u.str(), email: u.str(), emailNorm: u.str(), phone: u.str(), phoneNorm: u.str() });
  },
};

/** The analyzer's reading of a message or review: label, score, and aspects and words as JSON. */
const sentiment: Codec<Sentiment | null> = {
  put(p, s) {
    p.bool(s !== null);
    if (!s) return;
    p.str(s.label);
    p.num(s.score);
    p.str(JSON.stringify(s.aspects));
    p.str(JSON.stringify(s.words));
  },
  take(u) {
    if (!u.bool()) return null;
    const label = u.text() as Sentiment['label'];
    const score = u.num() ?? 0;
    return { label, score, aspects: JSON.parse(u.text()) as Sentiment['aspects'], words: JSON.parse(u.text()) as string[] };
  },
};

const CODECS: { [K in ImportKind]: Codec<RowValues[K]> } = {
  customers: {
    put(p, v) {
      person.put(p, v);
      p.str(v.company);
      p.str(v.city);
      p.str(v.country);
      p.str(v.language);
      p.bool(v.languageGiven);
      p.num(v.tags.length);
      for (const t of v.tags) p.str(t);
      p.str(v.note);
      p.num(v.createdAt);
      p.bool(v.consentEmail);
      p.bool(v.consentSms);
      p.bool(v.consentWechat);
    },
    take(u) {
      const base = person.take(u);
      const company = u.str();
      const city = u.str();
      const country = u.str();
      const language = u.text();
      const languageGiven = u.bool() === true;
      const tags: string[] = [];
      for (let n = u.int(); n > 0; n--) tags.push(u.text());
      // Spelled out, not `{ ...base, company, ... }`: V8 builds that through a slow path.
      return {
        name: base.name, email: base.email, emailNorm: base.emailNorm, phone: base.phone, phoneNorm: base.phoneNorm,
        company, city, country, language, languageGiven, tags,
        note: u.str(), createdAt: u.num(), consentEmail: u.bool(), consentSms: u.bool(), consentWechat: u.bool(),
      };
    },
  },
  orders: {
    put(p, v) {
      p.str(v.orderNo);
      p.num(v.orderedAt);
      person.put(p, v.person);
      p.str(v.status);
      p.str(v.channel);
      p.str(v.currency);
      p.bool(v.item !== null);
      if (v.item) {
        p.str(v.item.sku);
        p.str(v.item.name);
        p.num(v.item.quantity);
        p.num(v.item.unitPriceCents);
      }
      p.num(v.orderTotalCents);
    },
    take(u) {
      const orderNo = u.text();
      const orderedAt = u.int();
      const who = person.take(u);
      const status = u.text() as RowValues['orders']['status'];
      const channel = u.text();
      const currency = u.text();
      const item = u.bool() ? { sku: u.str(), name: u.text(), quantity: u.int(), unitPriceCents: u.int() } : null;
      return { orderNo, orderedAt, person: who, status, channel, currency, item, orderTotalCents: u.num() };
    },
  },
  interactions: {
    put(p, v) {
      person.put(p, v.person);
      p.num(v.occurredAt);
      p.str(v.channel);
      p.str(v.direction);
      p.str(v.subject);
      p.str(v.body);
      p.str(v.language);
      p.bool(v.handled);
      sentiment.put(p, v.sentiment);
    },
    take(u) {
      const who = person.take(u);
      const occurredAt = u.int();
      const channel = u.text() as RowValues['interactions']['channel'];
      const direction = u.text() as RowValues['interactions']['direction'];
      return { person: who, occurredAt, channel, direction, subject: u.str(), body: u.text(), language: u.text(), handled: u.bool() === true, sentiment: sentiment.take(u) };
    },
  },
  feedback: {
    put(p, v) {
      person.put(p, v.person);
      p.num(v.occurredAt);
      p.str(v.kind);
      p.num(v.rating);
      p.num(v.nps);
      p.str(v.body);
      p.str(v.productSku);
      p.str(v.productName);
      p.str(v.language);
      sentiment.put(p, v.sentiment);
    },
    take(u) {
      const who = person.take(u);
      const occurredAt = u.int();
      const kind = u.text() as RowValues['feedback']['kind'];
      return { person: who, occurredAt, kind, rating: u.num(), nps: u.num(), body: u.str(), productSku: u.str(), productName: u.str(), language: u.text(), sentiment: sentiment.take(u) };
    },
  },
};

/** Collects checked rows of one kind into batches. */
export class BatchEncoder {
  private readonly p = new Packer();
  private readonly codec: Codec<RowValues[ImportKind]>;

  constructor(private readonly kind: ImportKind) {
    this.codec = CODECS[kind] as Codec<RowValues[ImportKind]>;
  }

  get rows(): number {
    return this.p.rows;
  }

  add(line: number, cells: string[], checked: CheckedRow): void {
    const p = this.p;
    p.rows++;
    p.num(line);
    p.num(cells.length);
    for (let i = 0; i < cells.length; i++) p.str(cells[i] ?? '');
    p.bool(checked.ok);
    p.cells = cells;
    if (checked.ok) this.codec.put(p, checked.value);
    else {
      // Problems are rare and small: their code and parameters travel as JSON.
      p.str(checked.problem.field);
      p.str(JSON.stringify({ code: checked.problem.code, params: checked.problem.params }));
      p.str(checked.orderNo ?? null);
    }
    p.cells = null;
  }

  /** The rows added since the last call, packed. */
  finish(): EncodedBatch {
    return this.p.finish(this.kind);
  }
}

/** Unpacks a batch, handing each row to `onRow` in file order. */
export function decodeBatch(b: EncodedBatch, onRow: (line: number, src: CellSource, checked: CheckedRow) => void): void {
  const u = new Unpacker(b);
  const codec = CODECS[b.kind] as Codec<RowValues[ImportKind]>;
  for (let i = 0; i < b.rows; i++) {
    const line = u.int();
    const n = u.int();
    const src = new PackedCells(b, u.si, u.pos, n);
    u.row = src;
    u.skip(n);
    if (u.bool()) {
      onRow(line, src, { ok: true, value: codec.take(u) });
      continue;
    }
    const field = u.str();
    const problem: RowProblem = { ...JSON.parse(u.text()), field };
    const orderNo = u.str();
    onRow(line, src, orderNo === null ? { ok: false, problem } : { ok: false, problem, orderNo });
  }
}
