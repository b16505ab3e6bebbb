// Text streamed from the local model, token by token: start, stop (unsubscribing stops the model
// in the core), the text so far, and the speed. Used by the model page's try-it box and the
// customer page's summary.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorShape } from '../api/client';
import type { GenerationEvent } from '../lib/api-types';
import type { ErrorShape } from '../../../src-main/shared/problems';

type Subscribe = (handlers: { onData(e: GenerationEvent): void; onError(err: unknown): void; onComplete(): void }) => { unsubscribe(): void };

export interface GenerationState {
  status: 'idle' | 'starting' | 'streaming' | 'done' | 'stopped' | 'failed';
  text: string;
  model: string | null;
  tokens: number;
  /** The core's figure when the run ended on its own; measured here while streaming or after Stop. */
  tokensPerSec: number | null;
  ms: number | null;
  /** Coded, with the model's raw words in params.detail where there are any. */
  error: ErrorShape | null;
}

const IDLE: GenerationState = { status: 'idle', text: '', model: null, tokens: 0, tokensPerSec: null, ms: null, error: null };

export function useGeneration() {
  const [state, setState] = useState<GenerationState>(IDLE);
  const sub = useRef<{ unsubscribe(): void } | null>(null);
  const clock = useRef<{ first: number | null; chunks: number; started: number }>({ first: null, chunks: 0, started: 0 });

  const measured = () => {
    const c = clock.current;
    if (c.first === null || c.chunks < 2) return null;
    const secs = (performance.now() - c.first) / 1000;
    return secs > 0 ? (c.chunks - 1) / secs : null;
  };

  const stop = useCallback(() => {
    if (!sub.current) return;
    // Cleared first: tRPC's unsubscribe() calls onComplete at once, which must not read as "done".
    const handle = sub.current;
    sub.current = null;
    handle.unsubscribe();
    const rate = measured();
    setState((s) => (s.status === 'starting' || s.status === 'streaming' ? { ...s, status: 'stopped', tokensPerSec: rate ?? s.tokensPerSec, ms: performance.now() - clock.current.started } : s));
  }, []);

  const start = useCallback(
    (subscribe: Subscribe) => {
      sub.current?.unsubscribe();
      clock.current = { first: null, chunks: 0, started: performance.now() };
      setState({ ...IDLE, status: 'starting' });
      // A run that was stopped or replaced says nothing more.
      let handle: { unsubscribe(): void } | null = null;
      const current = () => handle === null || sub.current === handle;
      handle = subscribe({
        onData(e) {
          if (!current()) return;
          if (e.type === 'started') setState((s) => ({ ...s, model: e.model }));
          else if (e.type === 'token') {
            const c = clock.current;
            c.chunks++;
            if (c.first === null) c.first = performance.now();
            const rate = measured();
            setState((s) => ({ ...s, status: 'streaming', text: s.text + e.text, tokens: s.tokens + 1, tokensPerSec: rate ?? s.tokensPerSec }));
          } else if (e.type === 'done') {
            setState((s) => ({ ...s, status: e.stopped ? 'stopped' : 'done', text: e.text || s.text, tokens: e.tokens, tokensPerSec: e.tokensPerSec, ms: e.ms }));
          }
        },
        onError(err) {
          if (!current()) return;
          sub.current = null;
          setState((s) => ({ ...s, status: 'failed', error: errorShape(err) }));
        },
        onComplete() {
          if (!current()) return;
          sub.current = null;
          setState((s) => (s.status === 'starting' || s.status === 'streaming' ? { ...s, status: 'done' } : s));
        },
      });
      sub.current = handle;
    },
    [],
  );

  const reset = useCallback(() => {
    sub.current?.unsubscribe();
    sub.current = null;
    setState(IDLE);
  }, []);

  // Leaving the page stops the model.
  useEffect(() => () => sub.current?.unsubscribe(), []);

  return { state, start, stop, reset, running: state.status === 'starting' || state.status === 'streaming' };
}
