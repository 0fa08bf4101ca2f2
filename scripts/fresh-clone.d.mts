// Types of scripts/fresh-clone.mjs, for its test.
export function skippedElectronTests(output: string): { names: string[]; said: { count: number; reason: string } | null };
