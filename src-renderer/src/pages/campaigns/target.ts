// Who a campaign is for, in words and with how many customers it holds now: a customer by name, a
// segment by its (possibly renamed) name, a smart list by its name. Read from the queries the
// segments page and the navbar already keep, so naming a target costs no extra call.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CampaignTarget } from '../../../../src-main/shared/drafting';
import { api } from '../../api/client';
import { keys } from '../../lib/query-keys';
import { segmentName } from '../segments/rules';

export const segmentsOverviewKey = [...keys.segmentsAll, 'overview'] as const;
export const listsKey = [...keys.listsAll, 'all'] as const;

export interface TargetInfo {
  /** "At risk", "VIP in Shanghai", "Li Wei". */
  name: string | null;
  /** "Segment: At risk". */
  label: string | null;
  /** Customers it holds now; null while unknown. */
  count: number | null;
}

export function useTargetInfo(target: CampaignTarget | null): TargetInfo {
  const { t } = useTranslation();
  const kind = target?.kind;
  const segments = useQuery({ queryKey: segmentsOverviewKey, queryFn: () => api.segments.overview.query({}), enabled: kind === 'segment', staleTime: 30_000 });
  const lists = useQuery({ queryKey: listsKey, queryFn: () => api.lists.all.query(), enabled: kind === 'list', staleTime: 30_000 });
  const customerId = target?.kind === 'customer' ? target.customerId : 0;
  const customer = useQuery({ queryKey: keys.customer(customerId), queryFn: () => api.customers.get.query({ id: customerId }), enabled: kind === 'customer', retry: false });
  if (!target) return { name: null, label: null, count: null };
  const { name, count } = describe(target);
  return { name, label: name == null ? null : t(`campaigns.target.${target.kind}`, { name }), count };

  function describe(tg: CampaignTarget): { name: string | null; count: number | null } {
    if (tg.kind === 'segment') {
      const row = segments.data?.segments.find((s) => s.code === tg.segment);
      return { name: segmentName(tg.segment, t, row?.customName), count: row?.customers ?? null };
    }
    if (tg.kind === 'list') {
      const row = lists.data?.find((l) => l.id === tg.listId);
      return { name: row?.name ?? (lists.data ? t('campaigns.target.unknownList') : null), count: row?.count ?? null };
    }
    return { name: customer.data?.name ?? null, count: 1 };
  }
}
