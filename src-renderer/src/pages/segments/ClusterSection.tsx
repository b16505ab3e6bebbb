// The groups k-means found: why this many (the silhouette by k), and a card per group with its
// name and who named it, its size and revenue, how it differs from the whole base (a diverging
// bar of z per feature, with "2.3× the average" in words) and what it buys. The model can name
// the groups from these figures alone.
import { LineChart } from '@mantine/charts';
import { Anchor, Badge, Box, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconInfoCircle, IconSparkles } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { useJobs } from '../../hooks/useJobs';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import type { Language } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { GroupActions } from './GroupActions';
import { formatShare, formatWholeMoney } from './rules';
import { clusterFilter, type ClusterView, type Clustering } from './types';

const CLUSTER_COLORS = ['violet', 'teal', 'orange', 'blue', 'pink', 'lime', 'cyan', 'grape', 'yellow', 'indigo'];
export const clusterColor = (idx: number) => CLUSTER_COLORS[(idx - 1) % CLUSTER_COLORS.length];

type Feature = ClusterView['profile']['features'][number];

function featureLabel(key: string, t: TFunction): string {
  if (key.startsWith('cat:')) return t('segments.clusters.featureNames.category', { name: key.slice(4) });
  return t(`segments.clusters.featureNames.${key as 'orders'}`, { defaultValue: key });
}

function featureValue(f: Feature, lang: Language, currency: string): string {
  if (f.key === 'log_spend' || f.key === 'aov') return formatWholeMoney(f.mean, lang, currency);
  if (f.key.startsWith('cat:')) return formatShare(f.mean, lang);
  return formatNumber(f.mean, lang, f.key === 'orders' ? 1 : 0);
}

/** One feature as a bar out from the base's average: right is above, left below; ±2.5 sd fills it. */
function FeatureBar({ f, color }: { f: Feature; color: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  const z = Math.max(-2.5, Math.min(2.5, f.z));
  const width = (Math.abs(z) / 2.5) * 50;
  const ratio = f.baseMean > 0 ? f.mean / f.baseMean : null;
  const times = ratio == null ? '' : t(ratio >= 1 ? 'segments.clusters.featureTimes' : 'segments.clusters.featureLess', { times: formatNumber(ratio, lang, ratio < 10 ? 1 : 0) });
  return (
    <Tooltip label={`${featureLabel(f.key, t)}: ${featureValue(f, lang, shopCurrency)} · ${times} · z ${formatNumber(f.z, lang, 2)}`} withArrow openDelay={200}>
      <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1.3fr) minmax(50px, 1fr) 40px', alignItems: 'center', gap: 8 }} data-testid="cluster-feature" data-feature={f.key}>
        <Text fz="xs" truncate>
          {featureLabel(f.key, t)}
        </Text>
        <Box pos="relative" h={10} style={{ borderRadius: 2, background: 'var(--mantine-color-default-hover)' }}>
          <Box pos="absolute" top={-2} bottom={-2} left="50%" w={1} style={{ background: 'var(--mantine-color-dimmed)' }} />
          <Box
            pos="absolute"
            top={0}
            h={10}
            style={{
              left: z >= 0 ? '50%' : `${50 - width}%`,
              width: `${width}%`,
              borderRadius: 2,
              background: `var(--mantine-color-${z >= 0 ? color : 'gray'}-${z >= 0 ? 6 : 5})`,
            }}
          />
        </Box>
        <Text fz="xs" c="dimmed" ta="right" className="tabular" truncate>
          {ratio == null ? '—' : `${formatNumber(ratio, lang, ratio < 10 ? 1 : 0)}×`}
        </Text>
      </Box>
    </Tooltip>
  );
}

function ClusterCard({ c, onRename }: { c: ClusterView; onRename(): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const color = clusterColor(c.idx);
  // Behaviour first (spend, orders, recency...), then the category shares that differ most.
  const behaviour = c.profile.features.filter((f) => !f.key.startsWith('cat:'));
  return (
    <Card withBorder radius="md" padding="md" data-testid="cluster-card" data-cluster={c.idx} style={{ borderTop: `3px solid var(--mantine-color-${color}-6)` }}>
      <Stack gap={10} h="100%">
        <div>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text fw={650} fz="md" lh={1.3} data-testid="cluster-name">
              {c.name}
            </Text>
            <Badge size="xs" variant="light" color={c.nameSource === 'model' ? 'violet' : c.nameSource === 'person' ? 'blue' : 'gray'} style={{ flex: 'none' }}>
              {t(`segments.clusters.source.${c.nameSource}`)}
            </Badge>
          </Group>
          {c.description && (
            <Text fz="xs" c="dimmed" mt={4}>
              {c.description}
            </Text>
          )}
        </div>
        <Group gap="lg">
          <div>
            <Text fz={20} fw={650} className="tabular" lh={1.2}>
              {formatShare(c.sizeShare, lang)}
            </Text>
            <Text fz="xs" c="dimmed">
              {t('segments.clusters.sizeLabel')} · {formatNumber(c.size, lang)}
            </Text>
          </div>
          <div>
            <Text fz={20} fw={650} className="tabular" lh={1.2} c={`${color}.7`}>
              {formatShare(c.revenueShare, lang)}
            </Text>
            <Text fz="xs" c="dimmed">
              {t('segments.clusters.revenueLabel')}
            </Text>
          </div>
        </Group>
        <div>
          <Text fz="xs" fw={600} c="dimmed" tt="uppercase" mb={4} style={{ letterSpacing: '0.03em' }}>
            {t('segments.clusters.features')}
          </Text>
          <Stack gap={5}>
            {behaviour.map((f) => (
              <FeatureBar key={f.key} f={f} color={color} />
            ))}
          </Stack>
        </div>
        {c.profile.topCategories.length > 0 && (
          <div>
            <Text fz="xs" fw={600} c="dimmed" tt="uppercase" mb={4} style={{ letterSpacing: '0.03em' }}>
              {t('segments.clusters.topCategories')}
            </Text>
            <Group gap={4}>
              {c.profile.topCategories.slice(0, 4).map((cat) => (
                <Tooltip key={cat.category} label={t('segments.clusters.categoryShare', { share: formatShare(cat.share, lang), base: formatShare(cat.baseShare, lang) })} withArrow>
                  <Badge variant={cat.share > cat.baseShare * 1.2 ? 'light' : 'default'} color={color} tt="none" fw={500} size="md">
                    {cat.category} {formatShare(cat.share, lang)}
                  </Badge>
                </Tooltip>
              ))}
            </Group>
          </div>
        )}
        <Box mt="auto">
          <GroupActions name={c.name} filter={clusterFilter(c.idx)} customers={c.size} onRename={onRename} testId="cluster-actions" />
        </Box>
      </Stack>
    </Card>
  );
}

function KChoice({ clustering }: { clustering: Clustering }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fmt = (n: number) => formatNumber(n, lang, 2);
  const best = clustering.scores.find((s) => s.k === clustering.k);
  const others = clustering.scores.filter((s) => Math.abs(s.k - clustering.k) === 1);
  const parts = others.map((s) => t('segments.clusters.kOther', { score: fmt(s.silhouette), k: s.k }));
  // "0.35 for 3 and 0.33 for 5"; in Chinese a list of two reads best with the enumeration comma.
  const list = lang === 'zh' ? parts.join('、') : new Intl.ListFormat('en', { type: 'conjunction' }).format(parts);
  const line =
    clustering.reason.code === 'too_few_customers'
      ? t('segments.clusters.kTooFew')
      : best && others.length
        ? t('segments.clusters.kBest', { k: clustering.k, score: fmt(best.silhouette), others: list })
        : t('segments.clusters.kBestAlone', { k: clustering.k, score: fmt(best?.silhouette ?? 0) });
  const data = clustering.scores.map((s) => ({ k: String(s.k), silhouette: Math.round(s.silhouette * 1000) / 1000 }));
  return (
    <Group gap="lg" align="center" wrap="nowrap" data-testid="k-choice">
      <Box style={{ flex: 1 }}>
        <Group gap={6} wrap="nowrap">
          <Text fz="sm" fw={600}>
            {line}
          </Text>
          <Tooltip label={t('segments.clusters.kWhy')} multiline w={300} withArrow>
            <IconInfoCircle size={15} style={{ flex: 'none', color: 'var(--mantine-color-dimmed)' }} />
          </Tooltip>
        </Group>
        <Text fz="xs" c="dimmed" mt={2}>
          {t('segments.clusters.intro')}
          {clustering.sampled > 0 && ` ${t('segments.clusters.sampled', { n: formatNumber(clustering.sampled, lang) })}`}
        </Text>
      </Box>
      {data.length > 1 && (
        <Box w={220} style={{ flex: 'none' }} aria-label={t('segments.clusters.silhouetteChart')} role="img" data-testid="silhouette-chart">
          <LineChart
            h={90}
            data={data}
            dataKey="k"
            series={[{ name: 'silhouette', label: t('segments.clusters.silhouette'), color: 'violet.6' }]}
            curveType="linear"
            withYAxis={false}
            gridAxis="none"
            referenceLines={[{ x: String(clustering.k), color: 'teal.6', strokeDasharray: '3 3' }]}
            valueFormatter={fmt}
            dotProps={{ r: 3 }}
            xAxisProps={{ tickLine: false, fontSize: 10 }}
          />
        </Box>
      )}
    </Group>
  );
}

function NameWithModel() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { active } = useJobs();
  const status = useQuery({ queryKey: keys.modelStatus, queryFn: () => api.models.status.query() });
  const hasModel = status.data ? status.data.activeFile != null : null;
  const naming = active.find((j) => j.kind === 'segments.name');
  const start = useMutation({ mutationFn: () => api.segments.nameWithModel.mutate({ language: lang }), onError: (err) => notifyError(err, t) });
  return (
    <Stack gap={4} align="flex-end" maw={420}>
      <Button
        variant="light"
        color="violet"
        leftSection={<IconSparkles size={16} />}
        onClick={() => start.mutate()}
        loading={start.isPending}
        disabled={hasModel !== true || Boolean(naming)}
        data-testid="name-with-model"
      >
        {t('segments.clusters.nameWithModel')}
      </Button>
      {hasModel === false ? (
        <Text fz="xs" c="dimmed" ta="right" data-testid="clusters-needs-model">
          {t('segments.clusters.needsModel')}{' '}
          <Anchor component={Link} href="/models" fz="xs" fw={500}>
            {t('segments.clusters.openModels')}
          </Anchor>
        </Text>
      ) : (
        <Text fz="xs" c="dimmed" ta="right">
          {t('segments.clusters.nameHint')}
        </Text>
      )}
      {naming && (
        <Box w={300}>
          <JobProgress job={naming} size="sm" />
        </Box>
      )}
    </Stack>
  );
}

/** Columns on a wide screen that leave no card alone on its row: 5 and 6 as 3 + 2 and 3 + 3. */
const wideColumns = (n: number) => (n <= 4 ? n : n === 5 || n === 6 || n === 9 ? 3 : 4);

export function ClusterSection({ clustering, clusters, onRename }: { clustering: Clustering | null; clusters: readonly ClusterView[]; onRename(c: ClusterView): void }) {
  const { t } = useTranslation();
  return (
    <Paper p="lg" radius="md" data-testid="clusters">
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap" gap="lg">
        <Title order={3} fz="lg">
          {t('segments.clusters.title')}
        </Title>
        <NameWithModel />
      </Group>
      {clustering && clusters.length > 0 ? (
        <Stack gap="md">
          <KChoice clustering={clustering} />
          <SimpleGrid cols={{ base: 1, sm: 2, xl: wideColumns(clusters.length) }} spacing="md">
            {clusters.map((c) => (
              <ClusterCard key={c.idx} c={c} onRename={() => onRename(c)} />
            ))}
          </SimpleGrid>
        </Stack>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('segments.clusters.none')}
        </Text>
      )}
    </Paper>
  );
}
