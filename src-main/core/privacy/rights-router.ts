// Stub: filled by the rights work of issue 15.
import { router } from '../trpc';

export const rightsRouter = router({});
