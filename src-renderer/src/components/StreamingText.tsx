import { Text } from '@mantine/core';
import classes from './StreamingText.module.css';

/** Text the model is writing: kept as written (line breaks included), with a caret while it runs. */
export function StreamingText({ text, running, placeholder, testId }: { text: string; running: boolean; placeholder?: string; testId?: string }) {
  return (
    <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} className={running ? classes.streaming : undefined} data-testid={testId} aria-live="polite" aria-busy={running}>
      {text || (running ? placeholder : '')}
    </Text>
  );
}
