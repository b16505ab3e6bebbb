// The customers page's filter in its address, so another page can link to a group of customers
// and a list can be bookmarked, reloaded or opened from the navbar:
//
//   /customers?filter=<encodeURIComponent(JSON.stringify(filter))>   a filter (shared/filters.ts)
//   /customers?list=<id>                                              a saved smart list
//   /customers?list=<id>&filter=<...>                                 that list, edited, not saved
//
// Build links with customersHref() and navigate with wouter's navigate()/<Link href>. With the
// hash router (lib/hash-location.ts) the query lives in the page address's search part
// (`?filter=...#/customers`); a link without a query clears it, so the filter does not follow the
// person to other pages.
import { checkFilter, isGroup, type Filter } from '../../../../../src-main/shared/filters';

export function customersHref(to: { filter?: Filter; listId?: number } = {}): string {
  const q = new URLSearchParams();
  if (to.listId != null) q.set('list', String(to.listId));
  // With a list open, an emptied filter is still an edit of it: kept, so the list's own does not come back.
  if (to.filter && (to.filter.conditions.length > 0 || to.listId != null)) q.set('filter', JSON.stringify(to.filter));
  const s = q.toString();
  return s ? `/customers?${s}` : '/customers';
}

export interface FilterFromUrl {
  listId: number | null;
  /** null: none in the address; 'bad': one that could not be read. */
  filter: Filter | null | 'bad';
}

export function readFilterUrl(search: string): FilterFromUrl {
  const q = new URLSearchParams(search);
  const id = Number(q.get('list'));
  const listId = Number.isInteger(id) && id > 0 ? id : null;
  const raw = q.get('filter');
  if (!raw) return { listId, filter: null };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object' || !isGroup(parsed as Filter) || checkFilter(parsed).length > 0) return { listId, filter: 'bad' };
    return { listId, filter: parsed as Filter };
  } catch {
    return { listId, filter: 'bad' };
  }
}

/** Same filter, whatever the key order: for "was this list edited". */
export function sameFilter(a: Filter | null | undefined, b: Filter | null | undefined): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (v == null) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined && !(k === 'not' && o[k] === false))
      .sort()
      .map((k) => `${k}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
