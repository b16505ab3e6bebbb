import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BackupSection } from './BackupSection';
import { EncryptionSection } from './EncryptionSection';
import { PrivacyModeSection } from './PrivacyModeSection';
import { ProfilesSection } from './ProfilesSection';

// Privacy and safety in one place: encryption and the lock, who uses the app, privacy mode, backups.
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={880}>
      <Title order={2}>{t('nav.privacy')}</Title>
      <EncryptionSection />
      <ProfilesSection />
      <PrivacyModeSection />
      <BackupSection />
    </Stack>
  );
}
