import { QueryClient } from '@tanstack/react-query';

// Local data: nothing goes stale behind our back except through our own writes and job events,
// which invalidate what they touch.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: 1,
    },
    mutations: { retry: 0 },
  },
});
