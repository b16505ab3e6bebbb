// Tells the person when the link to the core is down (it reconnects by itself).
import { Alert, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wsClient } from '../api/client';

export function ConnectionBanner() {
  const { t } = useTranslation();
  const [down, setDown] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sub = wsClient.connectionState.subscribe({
      next(state) {
        clearTimeout(timer);
        // A brief blip is not worth a banner.
        if (state.state === 'connecting' && state.error) timer = setTimeout(() => setDown(true), 800);
        else setDown(false);
      },
    });
    return () => {
      clearTimeout(timer);
      sub.unsubscribe();
    };
  }, []);
  if (!down) return null;
  return (
    <Alert color="yellow" mb="md" icon={<Loader size={16} color="yellow" />} role="status">
      {t('app.reconnecting')}
    </Alert>
  );
}
