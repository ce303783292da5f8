import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Builds renderer/ into dist/renderer with relative asset paths, so the same files load from
 * file:// in Electron and from the browser-mode server. `FLOTILLA_RPC=ws://127.0.0.1:PORT` makes
 * `vite` dev proxy /rpc to a running browser-mode server.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // monaco-yaml's worker imports Monaco's worker by a path that monaco-editor 0.57's exports map
  // no longer resolves; point it at the package's exported entry.
  resolve: {
    alias: { 'monaco-editor/esm/vs/editor/editor.worker.js': 'monaco-editor/editor/editor.worker' },
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // Monaco (about 3.9 MB) is its own chunk, loaded only when the YAML editor opens.
    chunkSizeWarningLimit: 4096,
  },
  server: {
    host: '127.0.0.1',
    proxy: process.env.FLOTILLA_RPC ? { '/rpc': { target: process.env.FLOTILLA_RPC, ws: true } } : undefined,
  },
});
