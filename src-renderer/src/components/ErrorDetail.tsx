// An error whose exact wording matters (a model file that is damaged, a file that cannot be read):
// the core's sentence names the file and the problem. English shows it as it is; Chinese shows
// the translated headline and keeps the core's sentence beneath it, so the file name and the
// cause are never lost.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorShape } from '../../../src-main/shared/problems';
import { useLanguage } from '../hooks/useLanguage';
import { describeShape } from '../lib/errors';

export function ErrorDetail({ error, fz = 'sm' }: { error: ErrorShape; fz?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const shown = describeShape(error, t);
  return (
    <>
      <Text fz={fz} c="red" data-testid="error-detail">
        {shown.message}
      </Text>
      {lang === 'zh' && shown.message !== error.message && (
        <Text fz="xs" c="dimmed" mt={2}>
          {error.message}
        </Text>
      )}
    </>
  );
}
