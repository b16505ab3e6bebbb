import { Tooltip } from '@mantine/core';
import { IconBrandWechat, IconBrandWhatsapp, IconMail, IconMessageCircle, IconPhone, IconUsers, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const ICONS = {
  email: IconMail,
  phone: IconPhone,
  sms: IconMessageCircle,
  wechat: IconBrandWechat,
  whatsapp: IconBrandWhatsapp,
  social: IconWorld,
  in_person: IconUsers,
} as const;

export function channelIcon(channel: string) {
  return ICONS[channel as keyof typeof ICONS] ?? IconMessageCircle;
}

export function ChannelIcon({ channel, size = 16 }: { channel: string; size?: number }) {
  const { t } = useTranslation();
  const Icon = channelIcon(channel);
  const label = t(`channels.${channel}` as never, { defaultValue: channel }) as string;
  return (
    <Tooltip label={label}>
      <Icon size={size} stroke={1.6} aria-label={label} color="var(--mantine-color-dimmed)" style={{ flex: 'none' }} />
    </Tooltip>
  );
}
