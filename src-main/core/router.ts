// The one contract: every call and event the UI can use, merged from the domain routers. The
// renderer imports `AppRouter` as a type only.
import { aiRouter } from './ai/router';
import { appRouter } from './app/router';
import { askRouter } from './ask/router';
import { campaignsRouter } from './campaigns/router';
import { draftingRouter } from './drafting/router';
import { inboxRouter } from './inbox/router';
import { changesRouter } from './changes/router';
import { customersRouter } from './customers/router';
import { dashboardRouter } from './dashboard/router';
import { segmentsRouter } from './segments/router';
import { predictionsRouter } from './predict/router';
import { exportRouter } from './export/router';
import { importRouter } from './import/router';
import { interactionsRouter } from './interactions/router';
import { listsRouter } from './lists/router';
import { jobsRouter } from './jobs/router';
import { modelsRouter } from './models/router';
import { moneyRouter } from './money/router';
import { notesRouter } from './notes/router';
import { ordersRouter } from './orders/router';
import { sampleRouter } from './sample/router';
import { searchRouter } from './search/router';
import { sentimentRouter } from './sentiment/router';
import { tagsRouter } from './tags/router';
import { tasksRouter } from './tasks/router';
import { timelineRouter } from './timeline/router';
import { auditRouter } from './privacy/audit-router';
import { backupRouter } from './privacy/backup-router';
import { lockRouter } from './privacy/lock-router';
import { profilesRouter } from './privacy/profiles-router';
import { rightsRouter } from './privacy/rights-router';
import { router } from './trpc';

export const patronRouter = router({
  app: appRouter,
  money: moneyRouter,
  changes: changesRouter,
  customers: customersRouter,
  timeline: timelineRouter,
  notes: notesRouter,
  orders: ordersRouter,
  tasks: tasksRouter,
  tags: tagsRouter,
  interactions: interactionsRouter,
  search: searchRouter,
  jobs: jobsRouter,
  sample: sampleRouter,
  import: importRouter,
  export: exportRouter,
  models: modelsRouter,
  ai: aiRouter,
  sentiment: sentimentRouter,
  lists: listsRouter,
  dashboard: dashboardRouter,
  segments: segmentsRouter,
  predictions: predictionsRouter,
  ask: askRouter,
  inbox: inboxRouter,
  drafting: draftingRouter,
  campaigns: campaignsRouter,
  lock: lockRouter,
  audit: auditRouter,
  profiles: profilesRouter,
  backup: backupRouter,
  rights: rightsRouter,
});

export type AppRouter = typeof patronRouter;
