import { Textarea } from '@mantine/core';

/** The composer's text box: grows with its text, clears its error on typing, Ctrl/Cmd+Enter submits. */
export function ComposerTextarea(props: {
  label: string;
  placeholder: string;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
  onSubmit: () => void;
}) {
  return (
    <Textarea
      aria-label={props.label}
      placeholder={props.placeholder}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) props.onSubmit();
      }}
      autosize
      minRows={2}
      maxRows={10}
      error={props.error}
    />
  );
}
