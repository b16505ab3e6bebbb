// Step 1: pick a spreadsheet (button or drop). The bytes go to the core in chunks with a progress
// bar; the core then reads how the file is laid out. A file it cannot read gets its one message
// here, with a way to pick another.
import { Alert, Anchor, Box, Button, Group, List, Paper, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, errorShape } from '../../api/client';
import { JobStatusBadge } from '../../components/JobStatusBadge';
import { useJobs } from '../../hooks/useJobs';
import { useLanguage } from '../../hooks/useLanguage';
import { describeShape, type ShownError } from '../../lib/errors';
import { formatBytes, formatRelative } from '../../lib/format';
import { keys } from '../../lib/query-keys';
import { UploadCancelled, uploadFile, type UploadProgress } from '../../lib/upload';
import { fromInspection, resetWizard, setWizard } from './wizard-store';

export const IMPORT_KIND = 'import.run';
const ACCEPT = '.csv,.tsv,.tab,.txt,.xlsx,.xls';

export function FileStep() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<(UploadProgress & { name: string }) | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<(ShownError & { file: string; detail: string }) | null>(null);
  const [dragging, setDragging] = useState(false);
  const busy = progress !== null || reading !== null;

  async function take(file: File) {
    setError(null);
    const controller = new AbortController();
    abort.current = controller;
    try {
      setProgress({ sent: 0, total: file.size, name: file.name });
      const { path } = await uploadFile(file, (p) => setProgress({ ...p, name: file.name }), controller.signal);
      setProgress(null);
      setReading(file.name);
      const source = { path };
      const inspected = await qc.fetchQuery({ queryKey: keys.importInspect(source), queryFn: () => api.import.inspect.query(source), staleTime: Infinity });
      setWizard({ file: { name: file.name, size: file.size }, source, step: 'mapping', kindChosen: false, ...fromInspection(inspected, null) });
    } catch (err) {
      if (!(err instanceof UploadCancelled)) {
        // The file the wizard held before is no longer the one being imported.
        resetWizard();
        // One sentence from the problem's code. A file with nothing to import needs no more; for
        // other problems the Chinese page keeps the core's English words under it (an operating
        // system's or a workbook's own error says more than the translation can).
        const shape = errorShape(err);
        const shown = describeShape(shape, t);
        setError({ ...shown, file: file.name, detail: lang === 'zh' && shape.code !== 'file_empty' ? shown.detail : '' });
      }
    } finally {
      setProgress(null);
      setReading(null);
      abort.current = null;
      if (input.current) input.current.value = '';
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) void take(file);
  };

  return (
    <Stack gap="lg">
      <Paper
        p="xl"
        radius="md"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: dragging ? 'var(--mantine-color-indigo-5)' : undefined, background: dragging ? 'var(--patron-row-active)' : undefined }}
        data-testid="import-drop"
      >
        <Stack align="center" gap="sm" py="md">
          <ThemeIcon size={52} radius="xl" variant="light">
            <IconFileSpreadsheet size={28} stroke={1.5} />
          </ThemeIcon>
          <Text fw={600} fz="lg">
            {t('import.file.title')}
          </Text>
          <Text c="dimmed" fz="sm" ta="center" maw={520}>
            {t('import.file.body')}
          </Text>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            hidden
            data-testid="import-file-input"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void take(f);
            }}
          />
          {progress ? (
            <Box w="100%" maw={440}>
              <Text fz="sm" mb={6} truncate>
                {t('import.file.uploading', { name: progress.name })}
              </Text>
              <Progress value={progress.total ? (progress.sent / progress.total) * 100 : 100} size="lg" radius="xl" animated aria-label={t('import.file.uploading', { name: progress.name })} />
              <Group justify="space-between" mt={6}>
                <Text fz="xs" c="dimmed" className="tabular">
                  {t('import.file.uploaded', { sent: formatBytes(progress.sent, lang), total: formatBytes(progress.total, lang) })}
                </Text>
                <Button size="compact-sm" variant="default" onClick={() => abort.current?.abort()}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Box>
          ) : reading ? (
            <Button loading variant="light">
              {t('import.file.reading', { name: reading })}
            </Button>
          ) : (
            <Button size="md" leftSection={<IconUpload size={18} />} onClick={() => input.current?.click()}>
              {t('import.file.choose')}
            </Button>
          )}
          <Text fz="xs" c="dimmed">
            {t('import.file.orDrop')}
          </Text>
        </Stack>
      </Paper>
      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('import.file.cannotRead', { name: error.file })} role="alert" data-testid="import-file-error">
          <Text fz="sm">{error.message}</Text>
          {error.detail && (
            <Text fz="xs" c="dimmed" mt={4}>
              {error.detail}
            </Text>
          )}
        </Alert>
      )}
      <Paper p="lg" radius="md">
        <Text fw={600} mb="xs">
          {t('import.file.tipsTitle')}
        </Text>
        <List size="sm" spacing={6} c="dimmed">
          <List.Item>{t('import.file.tip1')}</List.Item>
          <List.Item>{t('import.file.tip2')}</List.Item>
          <List.Item>{t('import.file.tip3')}</List.Item>
          <List.Item>{t('import.file.tip4')}</List.Item>
        </List>
      </Paper>
      <RecentImports />
    </Stack>
  );
}

function RecentImports() {
  const { t } = useTranslation();
  const lang = useLanguage();
  // Imports only: a whole-file check of the same file is part of its import, not an entry of its own.
  const recent = useJobs()
    .jobs.filter((j) => j.kind === 'import.run' && !j.result?.dryRun)
    .slice(0, 5);
  if (!recent.length) return null;
  return (
    <Paper p="lg" radius="md">
      <Text fw={600} mb="xs">
        {t('import.recent')}
      </Text>
      <Stack gap={6}>
        {recent.map((j) => {
          const r = j.kind === 'import.run' ? j.result : null;
          return (
            <Group key={j.id} justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <Anchor component={Link} href={`/import/runs/${j.id}`} fz="sm" truncate>
                  {j.subject ?? r?.file ?? t('import.runTitle', { id: j.id })}
                </Anchor>
                <JobStatusBadge status={j.status} />
                {r && !r.dryRun && (
                  <Text fz="xs" c="dimmed" className="tabular">
                    {t('import.recentCounts', { rows: r.rows, rejected: r.rejected })}
                  </Text>
                )}
              </Group>
              <Text fz="xs" c="dimmed">
                {formatRelative(j.startedAt ?? j.createdAt, lang)}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
