// RFM segments: one definition for the core's assignment, the segments page's grid and the rule
// each segment shows in words. Pure: the renderer draws the grid and names segments from it.
//
// Scores are 1–5 by quintile (core/segments/rfm.ts). The grid is recency (R) against the rounded
// mean of frequency and monetary (FM), the layout of the common "RFM grid" (Putler's segment
// table, as used in the R package rfm's segment vignette), cut into rectangles that cover all 25
// cells exactly once, so every customer with an order falls in exactly one named segment.

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** Customers with no paid order: their own group, never "lost". */
export const NO_ORDERS = 'no_orders' as const;
export type SegmentCode = RfmSegment | typeof NO_ORDERS;
export const SEGMENT_CODES = [...RFM_SEGMENTS, NO_ORDERS] as const;

/** Inclusive score ranges: R from `r[0]` to `r[1]`, FM from `fm[0]` to `fm[1]`. */
export interface SegmentRule {
  r: readonly [number, number];
  fm: readonly [number, number];
}

export const SEGMENT_RULES: Record<RfmSegment, SegmentRule> = {
  champions: { r: [4, 5], fm: [4, 5] },
  loyal: { r: [3, 3], fm: [3, 5] },
  potential_loyalists: { r: [4, 5], fm: [2, 3] },
  new: { r: [5, 5], fm: [1, 1] },
  promising: { r: [4, 4], fm: [1, 1] },
  need_attention: { r: [3, 3], fm: [2, 2] },
  about_to_sleep: { r: [3, 3], fm: [1, 1] },
  at_risk: { r: [1, 2], fm: [3, 4] },
  cant_lose: { r: [1, 2], fm: [5, 5] },
  hibernating: { r: [2, 2], fm: [1, 2] },
  lost: { r: [1, 1], fm: [1, 2] },
};

/** The segments the dashboard lists as needing attention, most valuable first. */
export const ATTENTION_SEGMENTS = ['cant_lose', 'at_risk'] as const satisfies readonly RfmSegment[];

/** Frequency and monetary combined: the rounded mean, half up ((3 + 4) / 2 → 4). */
export function fmScore(f: number, m: number): number {
  return Math.floor((f + m) / 2 + 0.5);
}

/** The segment of a customer's R, F and M scores (each 1–5). */
export function segmentOf(r: number, f: number, m: number): RfmSegment {
  return segmentOfCell(r, fmScore(f, m));
}

/** The segment whose rectangle holds grid cell (R, FM): the one lookup the core and the grid share. */
export function segmentOfCell(r: number, fm: number): RfmSegment {
  for (const code of RFM_SEGMENTS) {
    const rule = SEGMENT_RULES[code];
    if (r >= rule.r[0] && r <= rule.r[1] && fm >= rule.fm[0] && fm <= rule.fm[1]) return code;
  }
  throw new Error(`RFM grid has no cell for R${r} FM${fm}`);
}
