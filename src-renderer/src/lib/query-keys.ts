// Query keys in one place, so a write can invalidate exactly what it changed.
import type { ListParams } from '../hooks/useCustomerPages';

export const keys = {
  overview: ['overview'] as const,
  preferences: ['preferences'] as const,
  info: ['info'] as const,
  customersAll: ['customers'] as const,
  customerList: (params: ListParams, page: number) => ['customers', 'list', params, page] as const,
  cities: ['customers', 'cities'] as const,
  customer: (id: number) => ['customer', id] as const,
  customerAll: ['customer'] as const,
  timeline: (id: number) => ['timeline', id] as const,
  timelineAll: ['timeline'] as const,
  tags: ['tags'] as const,
  openTasks: ['tasks', 'open'] as const,
  jobs: ['jobs'] as const,
  search: (q: string) => ['search', q] as const,
};
