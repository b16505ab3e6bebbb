// The RFM grid as a picture: recency across (R 1 → 5), frequency-and-spend up (FM 1 → 5), each
// named segment a coloured rectangle over the cells its rule covers (SEGMENT_RULES), each cell
// shaded by how many customers fall in it. A CSS grid rather than a chart library: @mantine/charts
// has no treemap, and rectangles on a 5×5 lattice are exactly what a grid lays out.
import { Box, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RFM_SEGMENTS, SEGMENT_RULES, type RfmSegment } from '../../../../src-main/shared/segments';
import { useLanguage } from '../../hooks/useLanguage';
import { formatNumber } from '../../lib/format';
import { formatShare, SEGMENT_COLORS, segmentAt, segmentName } from './rules';
import classes from './Segments.module.css';
import type { GridCell, SegmentRow } from './types';

const SCORES = [1, 2, 3, 4, 5];

/** Grid row of an FM score: 5 at the top. */
const rowOf = (fm: number) => 6 - fm;

export function RfmGrid({ grid, segments, onOpen }: { grid: readonly GridCell[]; segments: readonly SegmentRow[]; onOpen(code: RfmSegment): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const max = Math.max(1, ...grid.map((c) => c.customers));
  const byCode = new Map(segments.map((s) => [s.code, s]));
  return (
    <Box data-testid="rfm-grid" role="group" aria-label={t('segments.grid.label')}>
      {/* The axis names read level, in either language (rotated Chinese would lie on its side). */}
      <Text fz="xs" c="dimmed" mb={4}>
        {t('segments.grid.yAxis')}
      </Text>
      <Box style={{ display: 'grid', gridTemplateColumns: '1fr', gridTemplateRows: '1fr 22px', gap: 6 }}>
        <Box style={{ display: 'grid', gridTemplateColumns: '18px repeat(5, 1fr)', gridTemplateRows: 'repeat(5, minmax(64px, 1fr)) 18px', gap: 3 }}>
          {/* Axis scores. */}
          {SCORES.map((s) => (
            <Text key={`fm${s}`} fz={10} c="dimmed" ta="right" style={{ gridColumn: 1, gridRow: rowOf(s), alignSelf: 'center' }}>
              {s}
            </Text>
          ))}
          {SCORES.map((s) => (
            <Text key={`r${s}`} fz={10} c="dimmed" ta="center" style={{ gridColumn: s + 1, gridRow: 6 }}>
              {s}
            </Text>
          ))}
          {/* Cells, shaded by customers. */}
          {grid.map((cell) => {
            const color = SEGMENT_COLORS[segmentAt(cell.r, cell.fm)];
            const alpha = cell.customers > 0 ? 12 + Math.round((cell.customers / max) * 48) : 4;
            return (
              <Box
                key={`${cell.r}-${cell.fm}`}
                data-testid="rfm-cell"
                data-r={cell.r}
                data-fm={cell.fm}
                data-customers={cell.customers}
                style={{
                  gridColumn: cell.r + 1,
                  gridRow: rowOf(cell.fm),
                  borderRadius: 3,
                  background: `color-mix(in srgb, var(--mantine-color-${color}-6) ${alpha}%, transparent)`,
                }}
              />
            );
          })}
          {/* Segments on top: outlined rectangles with name and count, one click to their customers. */}
          {RFM_SEGMENTS.map((code) => {
            const rule = SEGMENT_RULES[code];
            const s = byCode.get(code);
            const name = segmentName(code, t, s?.customName);
            const customers = s?.customers ?? 0;
            const color = SEGMENT_COLORS[code];
            const small = rule.r[0] === rule.r[1] && rule.fm[0] === rule.fm[1];
            return (
              <Tooltip
                key={code}
                label={t('segments.grid.cell', { name, customers: formatNumber(customers, lang), share: formatShare(s?.revenueShare ?? 0, lang) })}
                withArrow
                openDelay={250}
                multiline
                maw={260}
              >
                <UnstyledButton
                  data-testid="rfm-segment"
                  data-segment={code}
                  data-customers={customers}
                  aria-label={t('segments.actions.openOne', { name })}
                  onClick={() => onOpen(code)}
                  style={{
                    gridColumn: `${rule.r[0] + 1} / ${rule.r[1] + 2}`,
                    gridRow: `${rowOf(rule.fm[1])} / ${rowOf(rule.fm[0]) + 1}`,
                    border: `2px solid var(--mantine-color-${color}-${color === 'dark' || color === 'gray' ? 5 : 6})`,
                    borderRadius: 6,
                    padding: small ? '4px 6px' : '8px 10px',
                    display: 'flex',
                    flexDirection: 'column',
                    justifyContent: 'flex-start',
                    overflow: 'hidden',
                    zIndex: 1,
                  }}
                  className={classes.segment}
                >
                  <Text fz={small ? 11 : 13} fw={650} lh={1.2} lineClamp={2}>
                    {name}
                  </Text>
                  <Text fz={small ? 11 : 12} fw={500} className="tabular" lh={1.3} c="dimmed">
                    {formatNumber(customers, lang)}
                  </Text>
                </UnstyledButton>
              </Tooltip>
            );
          })}
        </Box>
        <Text fz="xs" c="dimmed" ta="center">
          {t('segments.grid.xAxis')}
        </Text>
      </Box>
    </Box>
  );
}
