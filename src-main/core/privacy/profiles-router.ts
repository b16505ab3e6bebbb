// Stub: filled by the profiles work of issue 15.
import { router } from '../trpc';

export const profilesRouter = router({});
