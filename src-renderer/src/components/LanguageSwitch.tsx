import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../hooks/usePreferences';
import type { Language } from '../i18n';

// Each language is named in itself, so a person can find theirs whatever is showing now.
const OPTIONS = [
  { value: 'en', label: 'English' },
  { value: 'zh', label: '中文' },
];

export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { language, setLanguage } = usePreferences();
  return <SegmentedControl size={size} aria-label={t('header.language')} data={OPTIONS} value={language} onChange={(v) => setLanguage(v as Language)} />;
}
