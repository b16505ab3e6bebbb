// The bridge: no Node API and no raw ipcRenderer reach the page. It forwards the one MessagePort
// main hands over (wired to the core) and tells the page it runs inside Electron.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('patron', { kind: 'electron', platform: process.platform });

ipcRenderer.on('patron:core-port', (event) => {
  window.postMessage('patron:core-port', '*', event.ports);
});
