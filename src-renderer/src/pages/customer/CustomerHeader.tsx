import { Anchor, Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendar, IconLanguage, IconMail, IconMailForward, IconMapPin, IconPencil, IconPhone, IconReceipt, IconSparkles, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerAvatar } from '../../components/CustomerAvatar';
import { useLanguage } from '../../hooks/useLanguage';
import type { CustomerDetail } from '../../lib/api-types';
import { formatDate } from '../../lib/format';
import { NewCampaignModal } from '../campaigns/NewCampaignModal';
import { TagEditor } from './TagEditor';
import { CustomerRightsMenu } from '../../components/privacy/CustomerRightsMenu';
import { Private, usePrivacyMode } from '../../hooks/usePrivacyMode';

function Detail({ icon, children, label }: { icon: ReactNode; children: ReactNode; label: string }) {
  return (
    <Group gap={6} wrap="nowrap" aria-label={label}>
      <span style={{ color: 'var(--mantine-color-dimmed)', display: 'flex' }}>{icon}</span>
      <Text fz="sm" component="span">
        {children}
      </Text>
    </Group>
  );
}

export function CustomerHeader({
  customer,
  onEdit,
  onDelete,
  onSummarise,
  onRecordOrder,
}: {
  customer: CustomerDetail;
  onEdit(): void;
  onDelete(): void;
  onSummarise(): void;
  onRecordOrder(): void;
}) {
  const { t } = useTranslation();
  // In privacy mode the link would show the whole address in the status bar.
  const { on: privacyOn } = usePrivacyMode();
  const lang = useLanguage();
  const place = [...new Set([customer.city, customer.country].filter(Boolean))].join(t('customer.placeSeparator'));
  const consents = [
    customer.consentEmail && t('customer.consent.email'),
    customer.consentSms && t('customer.consent.sms'),
    customer.consentWechat && t('customer.consent.wechat'),
  ].filter(Boolean) as string[];
  const icon = { size: 15, stroke: 1.7 };
  const [winningBack, setWinningBack] = useState(false);
  return (
    <Paper p="lg" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="md" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
          <CustomerAvatar name={customer.name} size={56} />
          <Stack gap={8} style={{ minWidth: 0 }}>
            <div>
              <Group gap="xs" align="center">
                <Title order={2} lh={1.2}>
                  <Private kind="name" value={customer.name} />
                </Title>
                {customer.source === 'sample' && (
                  <Badge variant="outline" color="gray" size="sm">
                    {t('customer.sample')}
                  </Badge>
                )}
              </Group>
              {customer.company && (
                <Text c="dimmed" fz="md" mt={2}>
                  {customer.company}
                </Text>
              )}
            </div>
            <Group gap="lg" style={{ rowGap: 6 }}>
              {customer.email && (
                <Detail icon={<IconMail {...icon} />} label={t('customer.email')}>
                  <Anchor href={privacyOn ? undefined : `mailto:${customer.email}`} fz="sm">
                    <Private kind="email" value={customer.email} />
                  </Anchor>
                </Detail>
              )}
              {customer.phone && (
                <Detail icon={<IconPhone {...icon} />} label={t('customer.phone')}>
                  <span className="tabular"><Private kind="phone" value={customer.phone} /></span>
                </Detail>
              )}
              {place && (
                <Detail icon={<IconMapPin {...icon} />} label={t('customer.city')}>
                  {place}
                </Detail>
              )}
              <Detail icon={<IconLanguage {...icon} />} label={t('customer.language')}>
                {t('customer.writesIn', { language: t(`languages.${customer.language === 'zh' ? 'zh' : 'en'}`) })}
              </Detail>
              <Detail icon={<IconCalendar {...icon} />} label={t('customer.since', { date: '' })}>
                {t('customer.since', { date: formatDate(customer.createdAt, lang) })}
              </Detail>
            </Group>
            <Group gap={6}>
              {consents.length ? (
                consents.map((c) => (
                  <Badge key={c} variant="dot" color="teal" size="md" tt="none" fw={500}>
                    {c}
                  </Badge>
                ))
              ) : (
                <Badge variant="dot" color="gray" size="md" tt="none" fw={500}>
                  {t('customer.consent.none')}
                </Badge>
              )}
              <Divider orientation="vertical" mx={4} />
              <TagEditor customer={customer} />
            </Group>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button variant="light" leftSection={<IconSparkles size={16} />} onClick={onSummarise}>
            {t('ai.summarise')}
          </Button>
          <Button variant="default" leftSection={<IconMailForward size={16} />} onClick={() => setWinningBack(true)} data-testid="customer-winback">
            {t('campaigns.entry.winbackCustomer')}
          </Button>
          <Button variant="default" leftSection={<IconReceipt size={16} />} onClick={onRecordOrder}>
            {t('recordOrder.button')}
          </Button>
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={onEdit}>
            {t('customer.edit')}
          </Button>
          <CustomerRightsMenu customer={customer} />
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
            {t('customer.delete')}
          </Button>
        </Group>
      </Group>
      <NewCampaignModal opened={winningBack} onClose={() => setWinningBack(false)} target={{ kind: 'customer', customerId: customer.id }} purpose="winback" />
    </Paper>
  );
}
