// Starts a worker thread's TypeScript entry (its file URL in argv) under tsx, for tests, browser
// mode and benches: a worker does not inherit the parent's loader. The Electron build starts
// the bundled .js entries instead and never loads this file.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
