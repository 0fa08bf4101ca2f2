// Types of scripts/electron-types.mjs, for its test.
export const fallbackDir: string;
export function wantedElectronVersion(): string;
export function fetchTypes(version: string, timeoutMs?: number, dir?: string, env?: NodeJS.ProcessEnv): { file: string | null; reason: string | null };
export function ensureElectronTypes(options?: { timeoutMs?: number }): { file: string | null; source: 'installed' | 'kept' | 'fetched' | null; reason: string | null };
