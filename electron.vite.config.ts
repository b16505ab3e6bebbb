import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: resolve(import.meta.dirname, 'src-renderer/index.html') },
  },
};

export default defineConfig({
  main: {
    // Native modules (better-sqlite3, node-llama-cpp) stay external to the bundle.
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src-main/electron/main.ts'),
          'core-process': resolve(import.meta.dirname, 'src-main/electron/core-process.ts'),
          // The model runs in its own process so a llama.cpp abort cannot take the core down.
          'model-host': resolve(import.meta.dirname, 'src-main/core/llm/model-host.ts'),
          // Big imports read and check rows in a worker thread while the core writes.
          'import-check-worker': resolve(import.meta.dirname, 'src-main/core/import/check-worker.ts'),
          // A backup is taken on its own read connection in a worker thread while the core writes.
          'backup-worker': resolve(import.meta.dirname, 'src-main/core/privacy/backup-worker.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
