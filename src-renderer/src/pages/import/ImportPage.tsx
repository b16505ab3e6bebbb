// The import wizard: file → columns → preview → import (the run has its own address,
// /import/runs/:id). A running import is shown instead of a new wizard, so it cannot be lost; once
// the wizard's own import has finished, coming back starts over with a new file.
import { Alert, Anchor, Box, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconLoader } from '@tabler/icons-react';
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useJobs } from '../../hooks/useJobs';
import { FileStep, IMPORT_KIND } from './FileStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { resetWizard, setWizard, useWizard, type Step } from './wizard-store';

const STEPS: Step[] = ['file', 'mapping', 'preview'];

export function ImportPage() {
  const { t } = useTranslation();
  const w = useWizard();
  const jobs = useJobs();
  const running = jobs.active.find((j) => j.kind === IMPORT_KIND);
  // The file this wizard holds has been imported: its preview and "Start the import" are spent.
  const imported = jobs.byId(w.launched)?.status === 'done';
  useLayoutEffect(() => {
    if (imported) resetWizard();
  }, [imported]);
  const active = STEPS.indexOf(w.step);
  return (
    <Box maw={1100} mx="auto">
      <Stack gap="md">
        <div>
          <Title order={2}>{t('import.title')}</Title>
          <Text c="dimmed" fz="sm" mt={4}>
            {t('import.subtitle')}
          </Text>
        </div>
        {running && (
          <Alert color="indigo" icon={<IconLoader size={18} />} data-testid="import-running">
            {t('import.runningNote')}{' '}
            <Anchor component={Link} href={`/import/runs/${running.id}`} fz="sm">
              {t('import.runningOpen')}
            </Anchor>
          </Alert>
        )}
        <Stepper
          active={active}
          onStepClick={(i) => i < active && setWizard({ step: STEPS[i] })}
          size="sm"
          allowNextStepsSelect={false}
          aria-label={t('import.stepsLabel')}
        >
          <Stepper.Step label={t('import.steps.file')} description={w.file?.name} />
          <Stepper.Step label={t('import.steps.mapping')} />
          <Stepper.Step label={t('import.steps.preview')} />
          <Stepper.Step label={t('import.steps.run')} />
        </Stepper>
        {w.step === 'file' && <FileStep />}
        {w.step === 'mapping' && <MappingStep />}
        {w.step === 'preview' && <PreviewStep />}
      </Stack>
    </Box>
  );
}
