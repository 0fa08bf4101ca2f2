/**
 * Where the desktop app finds its parts, in a development checkout (`dist/electron/main.cjs`
 * beside `dist/renderer/`, `migrations/` and `.electron-native/`) and in an installed app
 * (`resources/migrations`, and better-sqlite3's Electron build in `resources/native/`, outside the
 * asar archive, put there by electron-builder from `.electron-native/package/`).
 */
import path from 'node:path';
import { APP_NAME, DEFAULT_REGISTER_FILE } from '../db/paths.js';

export { APP_NAME, DEFAULT_REGISTER_FILE };

export interface RuntimeLayout {
  /** Folder of the built renderer (`index.html`). */
  rendererRoot: string;
  preload: string;
  migrationsFolder: string;
  /** better-sqlite3 built for Electron's ABI (node_modules keeps the build for Node). */
  nativeBinding: string;
}

/** The folder (relative to the checkout) where `scripts/electron-native.mjs` puts the module. */
export function nativeBuildDir(electronVersion: string, platform: string, arch: string): string {
  return path.join('.electron-native', `electron-v${electronVersion}-${platform}-${arch}`);
}

export const NATIVE_MODULE_FILE = 'better_sqlite3.node';

export function runtimeLayout(options: {
  /** Folder of the main bundle (`dist/electron`). */
  mainDir: string;
  isPackaged: boolean;
  resourcesPath: string;
  electronVersion: string;
  platform: string;
  arch: string;
}): RuntimeLayout {
  const rendererRoot = path.join(options.mainDir, '..', 'renderer');
  const preload = path.join(options.mainDir, 'preload.cjs');
  if (options.isPackaged) {
    return {
      rendererRoot,
      preload,
      migrationsFolder: path.join(options.resourcesPath, 'migrations'),
      nativeBinding: path.join(options.resourcesPath, 'native', NATIVE_MODULE_FILE),
    };
  }
  const checkout = path.resolve(options.mainDir, '..', '..');
  return {
    rendererRoot,
    preload,
    migrationsFolder: path.join(checkout, 'migrations'),
    nativeBinding: path.join(checkout, nativeBuildDir(options.electronVersion, options.platform, options.arch), NATIVE_MODULE_FILE),
  };
}

/** The user-data folder: `ART30_USER_DATA` when set (tests), else `<appData>/Art30` like the CLI. */
export function userDataFolder(appData: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.ART30_USER_DATA;
  return override && override.trim() ? path.resolve(override) : path.join(appData, APP_NAME);
}

export function defaultRegisterFile(userData: string): string {
  return path.join(userData, DEFAULT_REGISTER_FILE);
}
