import { Badge, createTheme, localStorageColorSchemeManager } from '@mantine/core';

// System fonts only (Patron works offline); CJK faces follow the Latin ones so Chinese text
// uses the platform's own Chinese font.
const FONT =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 6, dark: 5 },
  defaultRadius: 'md',
  fontFamily: FONT,
  headings: { fontFamily: FONT, fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    Paper: { defaultProps: { withBorder: true } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    // Sentence-case badges read calmer, and Chinese has no case anyway.
    Badge: Badge.extend({ defaultProps: { tt: 'none', fw: 600 } }),
  },
});

export const colorSchemeManager = localStorageColorSchemeManager({ key: 'patron.color-scheme' });
