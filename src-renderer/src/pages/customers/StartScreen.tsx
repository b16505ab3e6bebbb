// The first thing a new user sees: what Patron is, and two ways in. Loading the sample shop is
// a job; its progress shows here, with a way to stop it.
import { Alert, Box, Button, Card, Center, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingStore, IconChecklist, IconFileSpreadsheet, IconHistory, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { JobProgress } from '../../components/JobProgress';
import { isActive, type JobView } from '../../hooks/useJobs';
import { SAMPLE_CUSTOMERS, SAMPLE_KIND, useSampleLoad } from '../../hooks/useSampleLoad';
import { describeShape } from '../../lib/errors';


export function StartScreen({ onAddCustomer }: { onAddCustomer(): void }) {
  const { t } = useTranslation();
  const { load, jobId, mine, running } = useSampleLoad();
  const job: JobView | undefined = running ?? mine;
  // A finished load stays on its full bar until the list replaces this screen.
  const busy = load.isPending || (jobId != null && !mine) || (job != null && isActive(job.status)) || mine?.status === 'done';
  const placeholder: JobView = { id: jobId ?? 0, kind: SAMPLE_KIND, status: 'queued', subject: null, done: 0, total: 0, ratePerSec: null, etaSec: null, detail: null, error: null, result: null, createdAt: Date.now(), startedAt: null, finishedAt: null };

  return (
    <Center py={48}>
      <Stack maw={980} w="100%" gap="xl" data-testid="start-screen">
        <Stack gap="sm">
          <Title order={1} fz={32}>
            {t('start.title')}
          </Title>
          <Text fz="lg" c="dimmed" maw={640}>
            {t('start.lead')}
          </Text>
        </Stack>
        <List spacing="sm" center>
          {[
            [IconHistory, 'start.point1'],
            [IconSearch, 'start.point2'],
            [IconChecklist, 'start.point3'],
          ].map(([Icon, key]) => {
            const I = Icon as typeof IconHistory;
            return (
              <List.Item
                key={key as string}
                icon={
                  <ThemeIcon variant="light" size={28} radius="xl">
                    <I size={16} stroke={1.8} />
                  </ThemeIcon>
                }
              >
                <Text fz="sm">{t(key as 'start.point1')}</Text>
              </List.Item>
            );
          })}
        </List>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Card padding="lg" withBorder shadow="xs">
            <Stack gap="sm" h="100%">
              <ThemeIcon size={40} radius="md" variant="light">
                <IconBuildingStore size={22} stroke={1.6} />
              </ThemeIcon>
              <Text fw={600} fz="lg">
                {busy ? t('start.loadingTitle') : t('start.sampleTitle')}
              </Text>
              {busy ? (
                <Box mt="auto">
                  <JobProgress job={job && (isActive(job.status) || job.status === 'done') ? job : placeholder} />
                </Box>
              ) : (
                <>
                  <Text fz="sm" c="dimmed">
                    {t('start.sampleBody', { count: SAMPLE_CUSTOMERS })}
                  </Text>
                  {job?.status === 'failed' && (
                    <Alert color="red" p="xs" title={t('start.failed')}>
                      {job.error ? describeShape(job.error, t).message : null}
                    </Alert>
                  )}
                  {job?.status === 'cancelled' && (
                    <Text fz="sm" c="dimmed">
                      {t('start.cancelledNote')}
                    </Text>
                  )}
                  <Button mt="auto" size="md" onClick={() => load.mutate()} loading={load.isPending}>
                    {t('start.loadSample')}
                  </Button>
                </>
              )}
            </Stack>
          </Card>
          <Card padding="lg" withBorder>
            <Stack gap="sm" h="100%">
              <ThemeIcon size={40} radius="md" variant="light" color="teal">
                <IconFileSpreadsheet size={22} stroke={1.6} />
              </ThemeIcon>
              <Text fw={600} fz="lg">
                {t('start.importTitle')}
              </Text>
              <Text fz="sm" c="dimmed">
                {t('start.importBody')}
              </Text>
              <Button mt="auto" size="md" variant="light" component={Link} href="/import">
                {t('start.importButton')}
              </Button>
            </Stack>
          </Card>
          <Card padding="lg" withBorder>
            <Stack gap="sm" h="100%">
              <ThemeIcon size={40} radius="md" variant="light" color="gray">
                <IconUserPlus size={22} stroke={1.6} />
              </ThemeIcon>
              <Text fw={600} fz="lg">
                {t('start.ownTitle')}
              </Text>
              <Text fz="sm" c="dimmed">
                {t('start.ownBody')}
              </Text>
              <Button mt="auto" size="md" variant="default" onClick={onAddCustomer}>
                {t('start.addCustomer')}
              </Button>
            </Stack>
          </Card>
        </SimpleGrid>
      </Stack>
    </Center>
  );
}
