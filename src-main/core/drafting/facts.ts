// The shop facts a reply may rely on (returns, delivery, hours, contacts, offers...), written by
// the owner on the Shop facts page and kept in settings. A topic never written reads as ''.
import type Database from 'better-sqlite3';
import { EMPTY_SHOP_FACTS, FACT_MAX_CHARS, FACT_TOPICS, SHOP_FACTS_KEY, type FactTopic, type ShopFacts } from '../../shared/drafting';
import { clip } from '../ai/prompt-text';
import { getSetting, setSetting } from '../app/service';
import { changeBus } from '../changes/bus';
import type { Db } from '../db/open';

/** Every topic, as stored (a setting written by an older or newer version may lack some or hold others). */
function clean(raw: unknown): ShopFacts {
  const stored = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: ShopFacts = { ...EMPTY_SHOP_FACTS };
  for (const topic of FACT_TOPICS) {
    const v = stored[topic];
    if (typeof v === 'string') out[topic] = v.trim().slice(0, FACT_MAX_CHARS);
  }
  return out;
}

export function getShopFacts(db: Db): ShopFacts {
  return clean(getSetting<unknown>(db, SHOP_FACTS_KEY, null));
}

/** Saves the facts through the settings write path (one change event). */
export function saveShopFacts(sqlite: Database.Database, db: Db, facts: ShopFacts): ShopFacts {
  const value = clean(facts);
  const bus = changeBus(sqlite);
  bus.write(() => {
    setSetting(db, SHOP_FACTS_KEY, value);
    bus.record('settings', 'update');
  });
  return value;
}

/** The facts that say something, in topic order. */
export const writtenFacts = (facts: ShopFacts) => FACT_TOPICS.filter((t) => facts[t] !== '').map((topic) => ({ topic, text: facts[topic] }));

/** A shop's name is a few words: a longer text in that field is cut where a draft signs with it. */
const SHOP_NAME_MAX_CHARS = 80;

/** The shop's name as drafts sign with it ({shop_name}), from the written facts; undefined when not written. */
export function shopName(facts: { topic: FactTopic; text: string }[]): string | undefined {
  const name = facts.find((f) => f.topic === 'name')?.text;
  return name ? clip(name, SHOP_NAME_MAX_CHARS) : undefined;
}
