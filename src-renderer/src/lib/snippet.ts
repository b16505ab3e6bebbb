/** The part of a long message around the first searched term, with ellipses where cut. */
export function snippet(text: string, query: string, before = 30, total = 110): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const lower = flat.toLowerCase();
  let at = -1;
  for (const term of terms) {
    const i = lower.indexOf(term);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = at > before ? at - before : 0;
  const end = Math.min(flat.length, start + total);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

/** Terms to highlight: what was typed, split on spaces. */
export function highlightTerms(query: string): string[] {
  return query.trim().split(/\s+/).filter(Boolean);
}
