// Stub: filled by the lock work of issue 15.
import { router } from '../trpc';

export const lockRouter = router({});
