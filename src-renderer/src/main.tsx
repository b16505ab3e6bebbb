import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { App } from './App';
import { LockGate } from './components/privacy/LockGate';
import { ProfileGate } from './components/privacy/ProfileGate';
import { useAppLocation } from './lib/hash-location';
import { JobsProvider } from './hooks/useJobs';
import { PreferencesProvider } from './hooks/usePreferences';
import { initI18n } from './i18n';
import { queryClient } from './lib/query-client';
import { colorSchemeManager, theme } from './theme';

initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        {/* Locked: nothing below mounts, so no screen can query or show the data (privacy/). */}
        <LockGate>
          <PreferencesProvider>
            <ProfileGate>
              <JobsProvider>
                {/* Hash routes work from file:// in Electron as well as in browser mode. */}
                <Router hook={useAppLocation}>
                  <App />
                </Router>
              </JobsProvider>
            </ProfileGate>
          </PreferencesProvider>
        </LockGate>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
