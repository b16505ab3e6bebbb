import { Tooltip } from '@mantine/core';
import { IconBrandWechat, IconBrandWhatsapp, IconMail, IconMessageCircle, IconPhone, IconUsers, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../src-main/shared/records';

const ICONS = {
  email: IconMail,
  phone: IconPhone,
  sms: IconMessageCircle,
  wechat: IconBrandWechat,
  whatsapp: IconBrandWhatsapp,
  social: IconWorld,
  in_person: IconUsers,
} as const satisfies Record<Channel, unknown>;

const isChannel = (c: string): c is Channel => (CHANNELS as readonly string[]).includes(c);

export function channelIcon(channel: string) {
  return isChannel(channel) ? ICONS[channel] : IconMessageCircle;
}

export function ChannelIcon({ channel, size = 16 }: { channel: string; size?: number }) {
  const { t } = useTranslation();
  const Icon = channelIcon(channel);
  // A channel this version does not know (a newer database) is shown by its stored name.
  const label = isChannel(channel) ? t(`channels.${channel}`) : channel;
  return (
    <Tooltip label={label}>
      <Icon size={size} stroke={1.6} aria-label={label} color="var(--mantine-color-dimmed)" style={{ flex: 'none' }} />
    </Tooltip>
  );
}
