// Types of scripts/cli-loader.cjs (the loader of the bundled command), for the tests.
import type { Script } from 'node:vm';

export function compileBundle(file: string, cachedData?: Buffer): Script;
export function runBundle(script: Script, file: string): Record<string, unknown>;
export function loadBundle(file: string): Record<string, unknown>;
