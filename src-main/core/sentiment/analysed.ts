// Which records the analyzer reads, and what text: inbound messages (the subject on its own line
// above the body) and reviews with a body; outbound messages are the shop's own words. Pure, so
// the import's checking thread can analyse rows before they are written (store.ts has the same
// rule as SQL, for sweeps over stored rows).
export function recordText(subject: string | null, body: string): string {
  return subject && subject.trim() ? `${subject}\n${body}` : body;
}

/** The text to analyse of a message, or null when it is not analysed. */
export const messageText = (m: { direction: string; subject: string | null; body: string }): string | null =>
  m.direction === 'inbound' ? recordText(m.subject, m.body) : null;

/** The text to analyse of a review, or null when it is not analysed. */
export const reviewText = (f: { body: string | null }): string | null => (f.body && f.body.trim() ? f.body : null);
