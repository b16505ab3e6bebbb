// Privacy mode on screen: one switch kept in the core ('privacy.mode', so exports follow it and
// every window agrees), a shortcut, and the masks every screen that shows a customer's name,
// email, phone, notes or messages runs its values through (the same functions exports use:
// src-main/shared/privacy-mask.ts).
import { useHotkeys, useOs } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { maskEmail, maskName, maskPhone, maskText, type MaskKind } from '../../../src-main/shared/privacy-mask';
import { api } from '../api/client';
import { keys } from '../lib/query-keys';

export const PRIVACY_HOTKEY = 'mod+shift+P';

type Mask = <T extends string | null | undefined>(value: T) => T extends string ? string : T;

interface PrivacyMode {
  on: boolean;
  set(on: boolean): void;
  toggle(): void;
  /** The key chord as this platform writes it (⌘⇧P, Ctrl+Shift+P). */
  hotkeyLabel: string;
  /** Identity while off; the shared masks while on. */
  mask: Record<MaskKind, Mask>;
}

const PrivacyModeContext = createContext<PrivacyMode | null>(null);
export const privacyModeKey = [...keys.profilesAll, 'privacyMode'] as const;

const same: Mask = (v) => v as never;

export function PrivacyModeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const os = useOs();
  const { data: on = false } = useQuery({ queryKey: privacyModeKey, queryFn: () => api.profiles.privacyMode.query() });
  const { mutate } = useMutation({
    mutationFn: (next: boolean) => api.profiles.setPrivacyMode.mutate({ on: next }),
    // Shown at once; the change event brings every other window along.
    onMutate: (next) => qc.setQueryData(privacyModeKey, next),
    onSettled: () => qc.invalidateQueries({ queryKey: privacyModeKey }),
  });
  const set = useCallback((next: boolean) => mutate(next), [mutate]);
  const toggle = useCallback(() => mutate(!qc.getQueryData<boolean>(privacyModeKey)), [mutate, qc]);
  useHotkeys([[PRIVACY_HOTKEY, toggle]], []);
  const hidden = t('profiles.hidden');
  const value = useMemo<PrivacyMode>(
    () => ({
      on,
      set,
      toggle,
      hotkeyLabel: os === 'macos' ? '⌘⇧P' : 'Ctrl+Shift+P',
      mask: on
        ? { name: maskName as Mask, email: maskEmail as Mask, phone: maskPhone as Mask, text: ((v: string | null | undefined) => maskText(v, hidden)) as Mask }
        : { name: same, email: same, phone: same, text: same },
    }),
    [on, set, toggle, os, hidden],
  );
  return <PrivacyModeContext.Provider value={value}>{children}</PrivacyModeContext.Provider>;
}

const OFF: PrivacyMode = { on: false, set: () => {}, toggle: () => {}, hotkeyLabel: 'Ctrl+Shift+P', mask: { name: same, email: same, phone: same, text: same } };

/** Outside the provider (a gate's own screens, tests of one component): privacy mode is off. */
export function usePrivacyMode(): PrivacyMode {
  return useContext(PrivacyModeContext) ?? OFF;
}

/** A customer's personal value as privacy mode shows it: `<Private kind="name" value={c.name} />`. */
export function Private({ kind, value }: { kind: MaskKind; value: string | null | undefined }) {
  const { mask } = usePrivacyMode();
  return <>{mask[kind](value) ?? ''}</>;
}
