// The model page's data: catalog (with this machine's hardware and the download source), installed
// files, downloads and the runtime's status, kept live by the core's model events.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import type { DownloadState, ModelStatus } from '../../lib/api-types';
import { keys } from '../../lib/query-keys';

export function useModelData() {
  const lang = useLanguage();
  const catalog = useQuery({ queryKey: [...keys.modelCatalog, lang], queryFn: () => api.models.catalog.query({ language: lang }), staleTime: 60_000 });
  const installed = useQuery({ queryKey: keys.modelsInstalled, queryFn: () => api.models.installed.query() });
  const downloads = useQuery({ queryKey: keys.modelDownloads, queryFn: () => api.models.downloads.query() });
  const status = useQuery({ queryKey: keys.modelStatus, queryFn: () => api.models.status.query() });
  return { catalog, installed, downloads, status };
}

/** Applies the core's runtime and download events to the cached queries while the page is open. */
export function useModelEvents() {
  const qc = useQueryClient();
  useEffect(() => {
    const sub = api.models.events.subscribe(undefined, {
      onData(e) {
        if (e.type === 'runtime') {
          qc.setQueryData<ModelStatus>(keys.modelStatus, (old) => (old ? { ...old, runtime: e.status } : old));
          if (e.status.state !== 'loading') void qc.invalidateQueries({ queryKey: keys.modelStatus });
          return;
        }
        const d = e.download;
        qc.setQueryData<DownloadState[]>(keys.modelDownloads, (old = []) => {
          if (d.status === 'cancelled') return old.filter((x) => x.file !== d.file);
          const i = old.findIndex((x) => x.file === d.file);
          return i < 0 ? [...old, d] : old.map((x, j) => (j === i ? d : x));
        });
        if (d.status === 'done' || d.status === 'failed' || d.status === 'cancelled') {
          for (const key of [keys.modelsInstalled, keys.modelCatalog, keys.modelStatus]) void qc.invalidateQueries({ queryKey: key });
        }
      },
      onError(err) {
        console.error('Model events subscription failed', err);
      },
    });
    return () => sub.unsubscribe();
  }, [qc]);
}
