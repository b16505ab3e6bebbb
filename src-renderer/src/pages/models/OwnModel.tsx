// Models from outside the catalog: a .gguf copied from a USB stick or another folder (for
// computers without internet), or downloaded from an address the person gives (a firm's own
// server), with those downloads' progress.
import { Button, Collapse, Group, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconFolderOpen } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorShape } from '../../api/client';
import { ErrorDetail } from '../../components/ErrorDetail';
import type { DownloadState } from '../../lib/api-types';
import { notifyDone } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import type { ErrorShape } from '../../../../src-main/shared/problems';
import { DownloadStatus } from './DownloadStatus';
import { ModelProblem } from './ModelProblem';

const inElectron = window.patron?.kind === 'electron';
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

function ImportFile() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [path, setPath] = useState('');
  const [error, setError] = useState<ErrorShape | null>(null);
  const importFile = useMutation({
    mutationFn: (p: string) => api.models.import.mutate({ path: p }),
    onSuccess: (m) => {
      setPath('');
      setError(null);
      for (const key of [keys.modelsInstalled, keys.modelStatus, keys.modelCatalog]) void qc.invalidateQueries({ queryKey: key });
      notifyDone(t('models.import.done', { file: m.file }));
    },
    onError: (err) => setError(errorShape(err)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A path copied from a file manager often comes in quotes.
    const p = path.trim().replace(/^["']|["']$/g, '');
    if (p) importFile.mutate(p);
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Text fz="sm" c="dimmed">
          {t('models.import.body')}
        </Text>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('models.import.path')}
            description={inElectron ? t('models.import.pathHintApp') : t('models.import.pathHintBrowser')}
            placeholder={t('models.import.placeholder')}
            value={path}
            onChange={(e) => {
              setPath(e.currentTarget.value);
              setError(null);
            }}
            styles={MONO}
            data-testid="gguf-path"
          />
          <Button type="submit" loading={importFile.isPending} disabled={!path.trim()}>
            {t('models.import.button')}
          </Button>
        </Group>
        {error && <ModelProblem error={error} />}
      </Stack>
    </form>
  );
}

function FromAddress() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [url, setUrl] = useState('');
  const [sha, setSha] = useState('');
  const [error, setError] = useState<ErrorShape | null>(null);
  const fileFromUrl = (u: string) => {
    try {
      return decodeURIComponent(new URL(u).pathname.split('/').pop() ?? '');
    } catch {
      return '';
    }
  };
  const start = useMutation({
    mutationFn: () => api.models.downloadUrl.mutate({ url: url.trim(), file: fileFromUrl(url.trim()), ...(sha.trim() ? { sha256: sha.trim() } : {}) }),
    onSuccess: (d) => {
      setError(null);
      qc.setQueryData<DownloadState[]>(keys.modelDownloads, (old = []) => [...old.filter((x) => x.file !== d.file), d]);
    },
    onError: (err) => setError(errorShape(err)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^https?:\/\/.+\.gguf(\?.*)?$/i.test(url.trim())) return setError({ code: 'invalid_input', message: t('models.address.notGguf') });
    start.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Text fz="sm" c="dimmed">
          {t('models.address.body')}
        </Text>
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 2 }}
            label={t('models.address.url')}
            placeholder="https://models.example.com/qwen2.5-1.5b-instruct-q4_k_m.gguf"
            value={url}
            onChange={(e) => {
              setUrl(e.currentTarget.value);
              setError(null);
            }}
            styles={MONO}
          />
          <TextInput
            style={{ flex: 1 }}
            label={t('models.address.sha')}
            placeholder={t('models.address.shaPlaceholder')}
            value={sha}
            onChange={(e) => setSha(e.currentTarget.value)}
            styles={MONO}
            error={error?.field === 'sha256' ? error.message : undefined}
          />
        </Group>
        <Group justify="space-between" wrap="nowrap">
          <Text fz="xs" c="dimmed">
            {t('models.address.shaHint')}
          </Text>
          <Button type="submit" variant="light" loading={start.isPending} disabled={!url.trim()}>
            {t('models.address.button')}
          </Button>
        </Group>
        {error && error.field !== 'sha256' && <ErrorDetail error={error} />}
      </Stack>
    </form>
  );
}

export function OwnModel({ downloads }: { downloads: DownloadState[] }) {
  const { t } = useTranslation();
  const others = downloads.filter((d) => !d.catalogId);
  const [addressOpen, setAddressOpen] = useState(others.length > 0);
  return (
    <Paper p="md" radius="md" component="section" aria-label={t('models.import.title')}>
      <Stack gap="md">
        <Group gap="xs">
          <IconFolderOpen size={18} stroke={1.6} />
          <Title order={3} fz="md">
            {t('models.import.title')}
          </Title>
        </Group>
        <ImportFile />
        <div>
          <UnstyledButton onClick={() => setAddressOpen((o) => !o)} aria-expanded={addressOpen}>
            <Group gap={4}>
              {addressOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
              <Text fz="sm" fw={500}>
                {t('models.address.title')}
              </Text>
            </Group>
          </UnstyledButton>
          <Collapse expanded={addressOpen}>
            <Stack gap="sm" pt="xs">
              <FromAddress />
              {others.map((d) => (
                <Paper key={d.file} p="sm" radius="md" bg="var(--patron-surface)" withBorder={false}>
                  <Text fz="sm" fw={500} ff="monospace" mb={4}>
                    {d.file}
                  </Text>
                  <DownloadStatus download={d} />
                </Paper>
              ))}
            </Stack>
          </Collapse>
        </div>
      </Stack>
    </Paper>
  );
}
