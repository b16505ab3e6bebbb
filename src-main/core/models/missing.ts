// The "no model yet" problem, in a module of its own so that callers (routers) need not load the
// model service and its catalog to say it.
import { AppError } from '../errors';

export const modelMissing = () =>
  new AppError('model_missing', 'No language model is installed yet. Open the model page to download one or import a .gguf file; everything else works without it.');
