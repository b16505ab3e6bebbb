// Privacy mode on the Privacy page: the same switch as the header button and the shortcut, with
// what it does shown on an example.
import { Group, Kbd, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { maskEmail, maskName, maskPhone } from '../../../../src-main/shared/privacy-mask';
import { usePrivacyMode } from '../../hooks/usePrivacyMode';

export function PrivacyModeSection() {
  const { t, i18n } = useTranslation();
  const { on, set, hotkeyLabel } = usePrivacyMode();
  const sample = i18n.language === 'zh' ? { name: '王芳', phone: '+86 138 0013 8000', email: 'wangfang@qq.com' } : { name: 'Zhang Wei', phone: '+86 138 0013 8000', email: 'zhang.wei@example.com' };
  return (
    <Paper withBorder p="lg" radius="md" data-testid="privacy-mode-section">
      <Stack gap="sm">
        <Title order={3}>{t('profiles.modeTitle')}</Title>
        <Text fz="sm" c="dimmed">
          {t('profiles.modeIntro')}
        </Text>
        <Group gap="md">
          <Switch checked={on} onChange={(e) => set(e.currentTarget.checked)} label={t('profiles.modeSwitch')} size="md" data-testid="privacy-mode-switch" />
          <Text fz="sm" c="dimmed">
            {t('profiles.modeShortcut', { keys: '' })}
            <Kbd>{hotkeyLabel}</Kbd>
          </Text>
        </Group>
        <Text fz="sm" className="tabular">
          {t('profiles.example', { name: maskName(sample.name), phone: maskPhone(sample.phone), email: maskEmail(sample.email) })}
        </Text>
      </Stack>
    </Paper>
  );
}
