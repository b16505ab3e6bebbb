// The app lock: asks the core whether the database is locked (every few seconds, after actions,
// and whenever the link to the core comes back) and, while it is, renders only the lock screen:
// nothing below mounts, so no screen can query or show the data. While unlocked and encrypted it
// locks after the chosen idle time and on mod+L.
import { Center, Loader } from '@mantine/core';
import { useHotkeys, useIdle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { wsClient } from '../../api/client';
import { queryClient } from '../../lib/query-client';
import { fetchLockState, forgetData, lockNow, lockStateKey } from './lock-state';
import { LockScreen } from './LockScreen';

const POLL_MS = 3000;

export function LockGate({ children }: { children: ReactNode }) {
  const state = useQuery({ queryKey: lockStateKey, queryFn: fetchLockState, refetchInterval: POLL_MS, refetchIntervalInBackground: true, retry: true });
  // A reconnected link may find a core restarted (and locked) meanwhile.
  useEffect(() => {
    const sub = wsClient.connectionState.subscribe({
      next(s) {
        if (s.state === 'pending') void queryClient.invalidateQueries({ queryKey: lockStateKey });
      },
    });
    return () => sub.unsubscribe();
  }, []);
  const locked = state.data?.locked ?? false;
  // Locked by another window, the idle timer or the core: what this page held goes too.
  const wasLocked = useRef(locked);
  useEffect(() => {
    if (locked && !wasLocked.current) forgetData();
    wasLocked.current = locked;
  }, [locked]);

  if (!state.data) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (locked) return <LockScreen />;
  return (
    <>
      {state.data.encrypted && <LockKeys idleMinutes={state.data.idleMinutes ?? null} />}
      {children}
    </>
  );
}

/** mod+L locks now; the idle timer locks after the chosen minutes without input. */
function LockKeys({ idleMinutes }: { idleMinutes: number | null }) {
  useHotkeys([['mod+L', () => void lockNow()]], []);
  return idleMinutes ? <IdleLock minutes={idleMinutes} /> : null;
}

function IdleLock({ minutes }: { minutes: number }) {
  const idle = useIdle(minutes * 60_000, { initialState: false });
  useEffect(() => {
    if (idle) void lockNow();
  }, [idle]);
  return null;
}
