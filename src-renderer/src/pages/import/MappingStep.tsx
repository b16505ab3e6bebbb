// Step 2: how the file is read, what kind of rows it has, which column feeds which field, and how
// values are read. Everything starts from the core's suggestion (or a saved template that fits).
import { Alert, Badge, Button, Center, Group, List, Loader, Paper, SegmentedControl, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconCheck, IconPoint } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { useLanguage } from '../../hooks/useLanguage';
import { IMPORT_KINDS, type ImportKind } from '../../lib/api-types';
import { describeError } from '../../lib/errors';
import { keys } from '../../lib/query-keys';
import { requirements, useImportFields } from './fields';
import { MappingTable } from './MappingTable';
import { OptionsPanel } from './OptionsPanel';
import { ReadSettings } from './ReadSettings';
import { TemplateBar } from './TemplateBar';
import { fromInspection, layoutKeyOf, setWizard, useWizard, type Source } from './wizard-store';

export function useInspection(source: Source | null) {
  return useQuery({
    queryKey: keys.importInspect(source),
    queryFn: () => api.import.inspect.query(source!),
    enabled: source !== null,
    staleTime: Infinity,
    retry: false,
  });
}

export function MappingStep() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const w = useWizard();
  const inspect = useInspection(w.source);
  const fields = useImportFields();
  const info = inspect.data;
  // While a new reading loads, or if it fails, the settings stay on screen to be changed back.
  const lastGood = useRef(info);
  if (info) lastGood.current = info;

  // Read differently (another encoding, sheet or header row): the columns changed, so suggest again.
  useEffect(() => {
    if (!info || layoutKeyOf(info) === w.layoutKey) return;
    const next = fromInspection(info, w.kindChosen ? w.kind : null);
    setWizard({ mapping: next.mapping, templateId: next.templateId, layoutKey: next.layoutKey, kind: next.kind });
  }, [info, w.layoutKey, w.kind, w.kindChosen]);

  if (!w.source) return null;
  const kind = w.kind;
  const reqs = fields.data && kind ? requirements(fields.data, kind, w.mapping, lang, t) : [];
  const ready = !!info && reqs.length > 0 && reqs.every((r) => r.met) && layoutKeyOf(info) === w.layoutKey;
  const mapped = Object.keys(w.mapping).length;

  return (
    <Stack gap="md">
      <ReadSettings info={info ?? lastGood.current} source={w.source} />
      {inspect.error ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('import.read.failed')} role="alert">
          {describeError(inspect.error, t).message}
        </Alert>
      ) : null}
      {fields.error && <QueryError error={fields.error} onRetry={() => fields.refetch()} />}
      {!info || !fields.data || !kind ? (
        !inspect.error && (
          <Center p="xl">
            <Loader />
          </Center>
        )
      ) : (
        <>
          <Paper p="md" radius="md">
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end">
                <div>
                  <Title order={3} fz="md">
                    {t('import.map.kindTitle')}
                  </Title>
                  <Text fz="xs" c="dimmed">
                    {t('import.map.kindHint')}
                  </Text>
                </div>
                <TemplateBar info={info} kind={kind} mapping={w.mapping} options={w.options} templateId={w.templateId} />
              </Group>
              <SegmentedControl
                value={kind}
                onChange={(v) => setWizard({ kind: v as ImportKind, kindChosen: true, mapping: { ...info.suggestions[v as ImportKind].mapping }, templateId: null })}
                aria-label={t('import.map.kindTitle')}
                data={IMPORT_KINDS.map((k) => ({
                  value: k,
                  label: (
                    <Group gap={6} justify="center" wrap="nowrap">
                      <span>{t(`import.kinds.${k}`)}</span>
                      {k === info.suggestedKind && (
                        <Badge size="xs" variant="light">
                          {t('import.map.suggested')}
                        </Badge>
                      )}
                    </Group>
                  ),
                }))}
              />
            </Stack>
          </Paper>

          <Paper p="md" radius="md">
            <Group justify="space-between" align="flex-start" mb="sm">
              <div>
                <Title order={3} fz="md">
                  {t('import.map.title')}
                </Title>
                <Text fz="xs" c="dimmed">
                  {t('import.map.hint', { mapped, total: info.headers.length })}
                </Text>
              </div>
              <List spacing={2} size="xs" data-testid="requirements" aria-label={t('import.map.required')}>
                {reqs.map((r) => (
                  <List.Item
                    key={r.text}
                    icon={
                      <ThemeIcon size={16} radius="xl" color={r.met ? 'teal' : 'orange'} variant={r.met ? 'filled' : 'light'}>
                        {r.met ? <IconCheck size={11} /> : <IconPoint size={11} />}
                      </ThemeIcon>
                    }
                    data-met={r.met}
                  >
                    <Text fz="xs" c={r.met ? 'dimmed' : undefined} fw={r.met ? 400 : 500}>
                      {r.text}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Group>
            <MappingTable info={info} fields={fields.data} kind={kind} mapping={w.mapping} onChange={(mapping) => setWizard({ mapping })} />
            <Text fz="xs" c="dimmed" mt="xs">
              {t('import.map.legend')}
            </Text>
          </Paper>

          <Paper p="md" radius="md">
            <Title order={3} fz="md" mb="sm">
              {t('import.options.title')}
            </Title>
            <OptionsPanel kind={kind} options={w.options} onChange={(patch) => setWizard((s) => ({ options: { ...s.options, ...patch } }))} />
          </Paper>
        </>
      )}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => setWizard({ step: 'file' })}>
          {t('import.back')}
        </Button>
        <Group gap="sm">
          {!ready && info && fields.data && (
            <Text fz="sm" c="dimmed">
              {t('import.map.notReady')}
            </Text>
          )}
          <Button rightSection={<IconArrowRight size={16} />} disabled={!ready} onClick={() => setWizard({ step: 'preview' })}>
            {t('import.map.next')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
