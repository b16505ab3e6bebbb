// One reply being drafted: the draft stream (drafting.draft: what it rests on, then tokens from the
// model or a filled template, then the checks), Stop (unsubscribing stops the model in the core),
// the owner's edits, and the checks kept true as they edit (drafting.check, debounced; answers
// that arrive after a newer edit are dropped).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftCheck, DraftEvent, DraftLanguage, DraftSource, Tone } from '../../../../src-main/shared/drafting';
import type { ErrorShape } from '../../../../src-main/shared/problems';
import { api, errorShape } from '../../api/client';

export interface ReplyDraft {
  status: 'idle' | 'reading' | 'streaming' | 'done' | 'stopped' | 'failed';
  text: string;
  /** The language the draft was asked in (the checks hold the text to it). */
  language: DraftLanguage;
  tone: Tone;
  mode: 'model' | 'template' | null;
  model: string | null;
  sources: DraftSource[] | null;
  truncated: boolean;
  checks: DraftCheck[];
  /** The text `checks` are of; when it differs from `text`, new checks are on their way. */
  checkedText: string | null;
  /** Why the last check of an edit could not run (shown where the checks are). */
  checkError: ErrorShape | null;
  error: ErrorShape | null;
}

export const CHECK_DEBOUNCE_MS = 400;

export function emptyDraft(language: DraftLanguage, tone: Tone): ReplyDraft {
  return { status: 'idle', text: '', language, tone, mode: null, model: null, sources: null, truncated: false, checks: [], checkedText: null, checkError: null, error: null };
}

function apply(s: ReplyDraft, e: DraftEvent): ReplyDraft {
  switch (e.type) {
    case 'context':
      return { ...s, language: e.language, tone: e.tone, sources: e.sources, truncated: e.truncated, mode: e.mode };
    case 'started':
      return { ...s, model: e.model };
    case 'token':
      return { ...s, status: 'streaming', text: s.text + e.text };
    case 'template':
      return { ...s, status: 'done', text: e.text };
    case 'done':
      return { ...s, status: e.stopped ? 'stopped' : 'done', text: e.text || s.text };
    case 'checked':
      return { ...s, checks: e.checks, checkedText: s.text, checkError: null };
  }
}

export function useReplyDraft(messageId: number, initial: ReplyDraft) {
  const [draft, setDraft] = useState<ReplyDraft>(initial);
  const sub = useRef<{ unsubscribe(): void } | null>(null);
  const latest = useRef(draft);
  latest.current = draft;

  /** Ends the running stream; its handlers hear nothing more (unsubscribing completes it at once). */
  const end = () => {
    const current = sub.current;
    sub.current = null;
    current?.unsubscribe();
  };

  const stop = useCallback(() => {
    if (!sub.current) return;
    end();
    setDraft((s) => (s.status === 'reading' || s.status === 'streaming' ? { ...s, status: 'stopped' } : s));
  }, []);

  /** Draft (or regenerate: the new draft replaces the text). */
  const start = useCallback(
    (opts: { tone: Tone; language: DraftLanguage }) => {
      end();
      setDraft((s) => ({ ...emptyDraft(opts.language, opts.tone), sources: s.sources, truncated: s.truncated, status: 'reading' }));
      // Only the stream in sub.current speaks: a stopped or replaced one is ignored.
      const handle = api.drafting.draft.subscribe(
        { messageId, tone: opts.tone, language: opts.language },
        {
          onData: (e: DraftEvent) => {
            if (sub.current === handle) setDraft((s) => apply(s, e));
          },
          onError: (err) => {
            if (sub.current !== handle) return;
            sub.current = null;
            setDraft((s) => ({ ...s, status: 'failed', error: errorShape(err) }));
          },
          onComplete: () => {
            if (sub.current !== handle) return;
            sub.current = null;
            setDraft((s) => (s.status === 'reading' || s.status === 'streaming' ? { ...s, status: 'done' } : s));
          },
        },
      );
      sub.current = handle;
    },
    [messageId],
  );

  const edit = useCallback((text: string) => setDraft((s) => ({ ...s, text })), []);
  /** The owner switched the language: the checks hold the text to the new one. */
  const setLanguage = useCallback((language: DraftLanguage) => setDraft((s) => ({ ...s, language, checkedText: s.language === language ? s.checkedText : null })), []);

  // Checks follow the text once it is no longer being written: after Stop, after an edit, after a
  // language switch. The stream's own checks cover a finished draft.
  const running = draft.status === 'reading' || draft.status === 'streaming';
  const seq = useRef(0);
  useEffect(() => {
    if (running || draft.status === 'failed' || draft.text === draft.checkedText) return;
    if (!draft.text.trim()) {
      if (draft.checks.length) setDraft((s) => ({ ...s, checks: [], checkedText: s.text }));
      return;
    }
    const n = ++seq.current;
    const { text, language } = draft;
    const timer = setTimeout(() => {
      api.drafting.check
        .mutate({ messageId, language, text })
        .then((checks) => {
          if (n === seq.current) setDraft((s) => (s.text === text && s.language === language ? { ...s, checks, checkedText: text, checkError: null } : s));
        })
        .catch((err: unknown) => {
          // Said where the checks are; the draft is kept and the next edit checks again.
          if (n === seq.current) setDraft((s) => (s.text === text ? { ...s, checks: [], checkedText: text, checkError: errorShape(err) } : s));
        });
    }, CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [messageId, running, draft.status, draft.text, draft.language, draft.checkedText, draft.checks.length]);

  // Leaving the message stops the model.
  useEffect(() => () => sub.current?.unsubscribe(), []);

  return { draft, latest, running, start, stop, edit, setLanguage, setTone: (tone: Tone) => setDraft((s) => ({ ...s, tone })) };
}
