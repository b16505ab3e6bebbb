// The shop currency and the owner's rates, for showing totals in the currency they are counted in
// and orders converted exactly as the core converts them (shared/currencies.ts).
import { useQuery } from '@tanstack/react-query';
import { DEFAULT_SHOP_CURRENCY } from '../../../src-main/shared/currencies';
import { api } from '../api/client';
import { keys } from '../lib/query-keys';

export function useMoneyOverview() {
  return useQuery({ queryKey: keys.money, queryFn: () => api.money.overview.query(), staleTime: 60_000 });
}

/** Shop currency and rates; until they arrive, the default currency and no rates. */
export function useMoney() {
  const q = useMoneyOverview();
  return q.data ?? { shopCurrency: DEFAULT_SHOP_CURRENCY, rates: {} as Record<string, number>, used: [] };
}
