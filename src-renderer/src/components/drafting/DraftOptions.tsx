// The two choices a draft is made with: its tone and its language (the customer's own marked, so
// switching away from it is a deliberate act). Shared by the reply panel and campaign messages.
import { Input, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DRAFT_LANGUAGES, TONES, type DraftLanguage, type Tone } from '../../../../src-main/shared/drafting';

export function TonePicker({ value, onChange, disabled }: { value: Tone; onChange(tone: Tone): void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper label={t('drafting.tone')} labelElement="div">
      <SegmentedControl
        size="xs"
        fullWidth
        value={value}
        onChange={(v) => onChange(TONES.find((tone) => tone === v) ?? value)}
        disabled={disabled}
        aria-label={t('drafting.tone')}
        data-testid="tone-picker"
        data={TONES.map((tone) => ({ value: tone, label: t(`drafting.tones.${tone}`) }))}
      />
    </Input.Wrapper>
  );
}

export function LanguagePicker({ value, detected, onChange, disabled }: { value: DraftLanguage; detected?: DraftLanguage; onChange(language: DraftLanguage): void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper label={t('drafting.language')} labelElement="div">
      <SegmentedControl
        size="xs"
        fullWidth
        value={value}
        onChange={(v) => onChange(DRAFT_LANGUAGES.find((l) => l === v) ?? value)}
        disabled={disabled}
        aria-label={t('drafting.language')}
        data-testid="language-picker"
        data={DRAFT_LANGUAGES.map((l) => ({
          value: l,
          label: l === detected ? t('drafting.detected', { language: t(`languages.${l}`) }) : t(`languages.${l}`),
        }))}
      />
    </Input.Wrapper>
  );
}
