// Language and theme: applied at once from localStorage (instant start), then reconciled with
// the core's preferences, which are the lasting copy; every change is saved to both.
import { useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { currentLanguage, type Language } from '../i18n';
import { keys } from '../lib/query-keys';

interface Preferences {
  language: Language;
  theme: MantineColorScheme;
  setLanguage(lang: Language): void;
  setTheme(theme: MantineColorScheme): void;
}

const PreferencesContext = createContext<Preferences | null>(null);

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const saved = useQuery({ queryKey: keys.preferences, queryFn: () => api.app.preferences.query(), staleTime: Infinity });
  const { mutate: savePrefs } = useMutation({ mutationFn: (p: { language?: Language; theme?: MantineColorScheme }) => api.app.setPreferences.mutate(p) });
  const reconciled = useRef(false);

  useEffect(() => {
    if (!saved.data || reconciled.current) return;
    reconciled.current = true;
    const { language, theme } = saved.data;
    if (language && language !== currentLanguage()) void i18n.changeLanguage(language);
    if (theme && theme !== colorScheme) setColorScheme(theme);
    const missing: { language?: Language; theme?: MantineColorScheme } = {};
    if (!language) missing.language = currentLanguage();
    if (!theme) missing.theme = colorScheme;
    if (missing.language || missing.theme) savePrefs(missing);
  }, [saved.data, i18n, colorScheme, setColorScheme, savePrefs]);

  const setLanguage = useCallback(
    (lang: Language) => {
      void i18n.changeLanguage(lang);
      savePrefs({ language: lang });
    },
    [i18n, savePrefs],
  );
  const setTheme = useCallback(
    (theme: MantineColorScheme) => {
      setColorScheme(theme);
      savePrefs({ theme });
    },
    [setColorScheme, savePrefs],
  );

  const language: Language = i18n.language === 'zh' ? 'zh' : 'en';
  const value = useMemo(() => ({ language, theme: colorScheme, setLanguage, setTheme }), [language, colorScheme, setLanguage, setTheme]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const ctx = useContext(PreferencesContext);
  if (!ctx) throw new Error('usePreferences must be used inside PreferencesProvider');
  return ctx;
}
