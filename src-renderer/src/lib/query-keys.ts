// Query keys in one place, so a write can invalidate exactly what it changed.
import type { ListParams } from '../hooks/useCustomerPages';

export const keys = {
  overview: ['overview'] as const,
  /** Profiles, the signed-in profile, private fields, privacy mode (privacy/profiles-router.ts). */
  profilesAll: ['profiles'] as const,
  preferences: ['preferences'] as const,
  info: ['info'] as const,
  /** Shop currency, conversion rates, currencies in use (money.overview). */
  money: ['money'] as const,
  customersAll: ['customers'] as const,
  customerList: (params: ListParams, page: number) => ['customers', 'list', params, page] as const,
  cities: ['customers', 'cities'] as const,
  customer: (id: number) => ['customer', id] as const,
  customerAll: ['customer'] as const,
  timeline: (id: number) => ['timeline', id] as const,
  timelineAll: ['timeline'] as const,
  tags: ['tags'] as const,
  /** Everything sentiment shows (a customer's card, the dashboard): refetched when messages or reviews change. */
  sentimentAll: ['sentiment'] as const,
  sentimentCustomer: (id: number) => ['sentiment', 'customer', id] as const,
  sentimentOverview: (bucket: 'week' | 'month') => ['sentiment', 'overview', bucket] as const,
  /** Segments, clusters, the analysis run and the dashboard's segment figures. */
  segmentsAll: ['segments'] as const,
  predictionsAll: ['predictions'] as const,
  /** The inbox list, one message, response times. */
  inboxAll: ['inbox'] as const,
  /** Shop facts and draft contexts. */
  draftingAll: ['drafting'] as const,
  /** Campaigns and their messages. */
  campaignsAll: ['campaigns'] as const,
  /** Saved smart lists, their counts and the customers they hold. */
  listsAll: ['lists'] as const,
  /** Every dashboard query (revenue, orders, products, satisfaction...). */
  dashboardAll: ['dashboard'] as const,
  openTasks: ['tasks', 'open'] as const,
  jobs: ['jobs'] as const,
  search: (q: string) => ['search', q] as const,
  importFields: ['import', 'fields'] as const,
  importInspect: (source: unknown) => ['import', 'inspect', source] as const,
  importPreview: (req: unknown) => ['import', 'preview', req] as const,
  importTemplates: ['import', 'templates'] as const,
  importDetails: (jobId: number, which: 'rejects' | 'merges', page: number) => ['import', which, jobId, page] as const,
  job: (id: number) => ['jobs', id] as const,
  modelsAll: ['models'] as const,
  modelStatus: ['models', 'status'] as const,
  modelCatalog: ['models', 'catalog'] as const,
  modelHardware: ['models', 'hardware'] as const,
  modelsInstalled: ['models', 'installed'] as const,
  modelDownloads: ['models', 'downloads'] as const,
};
