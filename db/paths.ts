import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_NAME = 'Art30';
export const DEFAULT_REGISTER_FILE = 'register.art30';

/**
 * The folder where the desktop app keeps its data: Electron's `userData` for an app named Art30,
 * computed here without Electron so that the CLI finds the same default register.
 */
export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export function defaultRegisterPath(): string {
  return path.join(userDataDir(), DEFAULT_REGISTER_FILE);
}

/** The `migrations/` folder shipped beside `db/`. Bundled builds pass their own path instead. */
export function defaultMigrationsFolder(): string {
  return fileURLToPath(new URL('../migrations/', import.meta.url));
}
