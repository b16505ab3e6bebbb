// Stub: filled by the backup work of issue 15.
import { router } from '../trpc';

export const backupRouter = router({});
