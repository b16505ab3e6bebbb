// Builds the renderer alone for browser mode (`npm run web`) and the end-to-end tests; the
// Electron build uses the same settings through electron.vite.config.ts.
import { defineConfig } from 'vite';
import { rendererConfig } from './electron.vite.config';

export default defineConfig(rendererConfig);
