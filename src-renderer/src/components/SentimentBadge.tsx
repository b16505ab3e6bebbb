// What sentiment analysis said of one message or review: a coloured label, the topics it spoke of as
// chips coloured by polarity, and, one click on the label away, why: the words that carried it or
// the model's reading, and who produced it.
import { Badge, Divider, Group, Popover, Stack, Text, UnstyledButton, type MantineColor } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMoodConfused, IconMoodEmpty, IconMoodSad, IconMoodSmile } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Aspect, Polarity, SentimentLabel, StoredSentiment } from '../../../src-main/shared/sentiment';
import { useLanguage } from '../hooks/useLanguage';
import type { Language } from '../i18n';

/** One colour per label everywhere (badges, chart series): green, red, grey, orange. */
export const SENTIMENT_COLORS: Record<SentimentLabel, MantineColor> = {
  positive: 'green',
  negative: 'red',
  neutral: 'gray',
  mixed: 'orange',
};

export const POLARITY_COLORS: Record<Polarity, MantineColor> = { positive: 'green', negative: 'red', neutral: 'gray' };

const ICONS = { positive: IconMoodSmile, negative: IconMoodSad, neutral: IconMoodEmpty, mixed: IconMoodConfused } as const;

const scoreFormats = new Map<Language, Intl.NumberFormat>();

/** "+0.45" / "−0.72" / "0.00": the sign is the point of a sentiment score, so it is always shown. */
export function formatScore(score: number, lang: Language): string {
  let f = scoreFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { signDisplay: 'exceptZero', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    scoreFormats.set(lang, f);
  }
  // A true minus sign: a hyphen next to a plus sign looks like a typo.
  return f.format(score).replace('-', '−');
}

/** "By the built-in analyser" / "By the model qwen2.5-1.5b-instruct-q4_k_m.gguf". */
export function sentimentSource(s: Pick<StoredSentiment, 'source' | 'version'>, t: TFunction): string {
  return s.source === 'model' ? t('sentiment.badge.byModel', { file: s.version }) : t('sentiment.badge.byLexicon');
}

export function SentimentLabelBadge({ label, size = 'sm' }: { label: SentimentLabel; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  const Icon = ICONS[label];
  return (
    <Badge size={size} variant="light" color={SENTIMENT_COLORS[label]} leftSection={<Icon size={size === 'md' ? 14 : 12} stroke={2} />} data-label={label}>
      {t(`sentiment.labels.${label}`)}
    </Badge>
  );
}

/** The topics a message spoke of, each coloured by how it spoke of it (grey where that is not known). */
export function AspectChips({ aspects, mt }: { aspects: readonly { aspect: Aspect; polarity?: Polarity }[]; mt?: number }) {
  const { t } = useTranslation();
  if (aspects.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap" mt={mt} data-testid="sentiment-aspects">
      {aspects.map((a) => {
        const name = t(`sentiment.aspects.${a.aspect}`);
        return (
          <Badge
            key={a.aspect}
            size="xs"
            radius="sm"
            variant={a.polarity && a.polarity !== 'neutral' ? 'light' : 'default'}
            color={a.polarity ? POLARITY_COLORS[a.polarity] : 'gray'}
            fw={500}
            data-aspect={a.aspect}
            data-polarity={a.polarity}
            aria-label={a.polarity ? t('sentiment.badge.aspectChip', { aspect: name, polarity: t(`sentiment.polarity.${a.polarity}`) }) : name}
          >
            {name}
          </Badge>
        );
      })}
    </Group>
  );
}

function Words({ words }: { words: readonly string[] }) {
  return (
    <Group gap={4} wrap="wrap">
      {words.map((w) => (
        <Text key={w} component="mark" fz="xs" px={4} style={{ borderRadius: 3, background: 'var(--mantine-color-default-hover)', color: 'inherit' }}>
          {w}
        </Text>
      ))}
    </Group>
  );
}

/** Why it reads as it does: the model's reason, or the words that carried it, topic by topic. */
function Explanation({ s }: { s: StoredSentiment }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Stack gap={8} data-testid="sentiment-explanation">
      <Group justify="space-between" wrap="nowrap">
        <SentimentLabelBadge label={s.label} />
        <Text fz="xs" c="dimmed" className="tabular">
          {t('sentiment.badge.score', { score: formatScore(s.score, lang) })}
        </Text>
      </Group>
      {s.reason ? (
        <Stack gap={2}>
          <Text fz="xs" fw={600} c="dimmed">
            {t('sentiment.badge.reason')}
          </Text>
          <Text fz="sm">{s.reason}</Text>
        </Stack>
      ) : (
        <Stack gap={4}>
          <Text fz="xs" fw={600} c="dimmed">
            {t('sentiment.badge.words')}
          </Text>
          {s.words.length > 0 ? <Words words={s.words} /> : <Text fz="sm">{t('sentiment.badge.noWords')}</Text>}
        </Stack>
      )}
      {s.aspects.length > 0 && (
        <Stack gap={4}>
          <Text fz="xs" fw={600} c="dimmed">
            {t('sentiment.badge.aspects')}
          </Text>
          {s.aspects.map((a) => (
            <Group key={a.aspect} gap={6} wrap="nowrap" align="flex-start">
              <AspectChips aspects={[a]} />
              {a.words.length > 0 && <Words words={a.words} />}
            </Group>
          ))}
        </Stack>
      )}
      <Divider />
      <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {sentimentSource(s, t)}
      </Text>
    </Stack>
  );
}

/** The label as a button; a click shows why. */
export function SentimentBadge({ sentiment }: { sentiment: StoredSentiment }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <Popover opened={opened} onDismiss={close} width={300} position="bottom-start" withArrow shadow="md" trapFocus={false} returnFocus>
      <Popover.Target>
        <UnstyledButton
          onClick={toggle}
          // Focus stays on the badge (the explanation has nothing to focus), so Escape is heard here.
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
          aria-expanded={opened}
          aria-label={t('sentiment.badge.aria', { label: t(`sentiment.labels.${sentiment.label}`), score: formatScore(sentiment.score, lang) })}
          data-testid="sentiment-badge"
          data-label={sentiment.label}
          style={{ display: 'inline-flex', borderRadius: 'var(--mantine-radius-xl)' }}
        >
          <SentimentLabelBadge label={sentiment.label} />
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Explanation s={sentiment} />
      </Popover.Dropdown>
    </Popover>
  );
}
