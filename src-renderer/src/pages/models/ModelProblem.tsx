// A model problem as a person reads it: worded in their language from its code and parameters
// (src-main/shared/model-problem-text.ts), with the raw text behind it (llama.cpp's log, the
// network error, how the model process ended) folded away under "Details". That raw text is in
// English and for whoever has to dig deeper; it never stands in for the explanation.
import { Code, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText, type ErrorShape } from '../../../../src-main/shared/problems';
import { errorShape } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';

/** The words for a problem in the UI's language, and the raw text behind it. */
export function useProblemWords(error: ErrorShape): { text: string; detail: string } {
  const lang = useLanguage();
  return problemWords(error, lang);
}

export function problemWords(error: ErrorShape, lang: 'en' | 'zh'): { text: string; detail: string } {
  const params = error.params ?? {};
  const text = problemText(lang, { code: error.code, params }, error.message);
  const raw = 'detail' in params && typeof params.detail === 'string' && params.detail ? params.detail : error.message;
  return { text, detail: raw === text ? '' : raw };
}

/** A failed model action as a notification: the worded problem only (the raw text stays on the page, under Details). */
export function notifyModelProblem(err: unknown, lang: 'en' | 'zh', title: string) {
  notifications.show({ color: 'red', title, message: problemWords(errorShape(err), lang).text, autoClose: 8000 });
}

/** Raw text folded away under a "Details" toggle. */
export function RawDetails({ text }: { text: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!text) return null;
  return (
    <>
      <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open} fz="xs" c="dimmed" style={{ alignSelf: 'flex-start' }}>
        {open ? <IconChevronDown size={12} /> : <IconChevronRight size={12} />} {open ? t('models.problem.hide') : t('models.problem.details')}
      </UnstyledButton>
      {open && (
        <Code block fz="xs" data-testid="model-problem-detail" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {text}
        </Code>
      )}
    </>
  );
}

export function ModelProblem({ error, fz = 'sm' }: { error: ErrorShape; fz?: 'xs' | 'sm' }) {
  const { text, detail } = useProblemWords(error);
  return (
    <Stack gap={2} data-testid="model-problem" data-code={error.code}>
      <Text fz={fz} c="red">
        {text}
      </Text>
      <RawDetails text={detail} />
    </Stack>
  );
}
