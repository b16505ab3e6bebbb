// Stub: filled by the audit work of issue 15.
import { router } from '../trpc';

export const auditRouter = router({});
