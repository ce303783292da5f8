/**
 * The desktop preload. It runs sandboxed with context isolation, so it is bundled to CommonJS
 * (dist/preload/index.cjs) and may use only `electron` and the shared contract.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createDesktopApi } from './api';

contextBridge.exposeInMainWorld(
  'flotilla',
  createDesktopApi({
    invoke: (channel, name, input) => ipcRenderer.invoke(channel, name, input),
    listen: (channel, listener) => {
      ipcRenderer.on(channel, listener);
    },
    getPathForFile: (file) => webUtils.getPathForFile(file),
  }),
);
