/**
 * The preload runs in Electron's sandbox: a function of (require, process, Buffer, global,
 * setImmediate, clearImmediate, exports, module) whose `require` knows only electron, events,
 * timers and url — no `__filename`, no `__dirname`, no fs. These tests run the bundled preload in
 * such a function and check that it exposes exactly `window.art30 = {invoke, subscribe}` wired to
 * the one IPC channel.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { AppEvent, Art30Bridge } from '../core/api/shell.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './invoke.js';

const root = path.resolve(import.meta.dirname, '..');
const SANDBOX_MODULES = new Set(['events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);

function runInSandbox(code: string) {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, value: 'pong' });
    },
  });
  const electron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) }, ipcRenderer };
  const sandboxRequire = (name: string) => {
    if (name === 'electron') return electron;
    if (SANDBOX_MODULES.has(name)) return {};
    throw new Error(`module not found: ${name}`);
  };
  const module = { exports: {} };
  const wrapper = new Function('require', 'process', 'Buffer', 'global', 'setImmediate', 'clearImmediate', 'exports', 'module', `"use strict";\n${code}`);
  wrapper(sandboxRequire, { env: {} }, Buffer, {}, setImmediate, clearImmediate, module.exports, module);
  return { exposed, invoked, ipcRenderer };
}

async function checkBridge(code: string) {
  const { exposed, invoked, ipcRenderer } = runInSandbox(code);
  expect([...exposed.keys()]).toEqual(['art30']);
  const bridge = exposed.get('art30') as Art30Bridge;
  expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);

  expect(await bridge.invoke('activities/list', { search: 'paie' })).toEqual({ ok: true, value: 'pong' });
  expect(invoked).toEqual([[INVOKE_CHANNEL, 'activities/list', { search: 'paie' }]]);

  const received: AppEvent[] = [];
  const unsubscribe = bridge.subscribe((e) => received.push(e));
  ipcRenderer.emit(EVENT_CHANNEL, {}, { type: 'menu', command: 'search' });
  unsubscribe();
  ipcRenderer.emit(EVENT_CHANNEL, {}, { type: 'menu', command: 'about' });
  expect(received).toEqual([{ type: 'menu', command: 'search' }]);
  expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
}

describe('preload in the sandbox', () => {
  it('the preload source, bundled, exposes exactly window.art30 = {invoke, subscribe}', async () => {
    const out = await build({
      entryPoints: [path.join(root, 'electron', 'preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    await checkBridge(out.outputFiles[0].text);
  });

  const built = path.join(root, 'dist', 'electron', 'preload.cjs');
  it.skipIf(!fs.existsSync(built))('the built dist/electron/preload.cjs runs in the sandbox (no Node globals, no other modules)', async () => {
    try {
      await checkBridge(fs.readFileSync(built, 'utf8'));
    } catch (error) {
      throw new Error(
        `dist/electron/preload.cjs cannot run in Electron's sandbox (${(error as Error).message}). A sandboxed preload has no __filename, ` +
          '__dirname or Node modules: scripts/build.mjs must bundle it without Node-only banners or defines.',
      );
    }
  });
});
