/** The lock file `npm ci` accepts: in step with package.json, with every platform's optional packages. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/temp-register.js';
// @ts-expect-error: a plain .mjs script without types
import { checkLock, missingOptionalPackages } from './check-lock.mjs';

type Lock = { packages: Record<string, { version?: string; optionalDependencies?: Record<string, string> }> };
const lock = (): Lock => JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as Lock;

describe('package-lock.json', () => {
  it('is in step with package.json (npm ci --dry-run) and holds every platform’s optional packages', () => {
    expect(checkLock(process.cwd())).toEqual([]);
  });

  it('a dependency changed in package.json without the lock is caught', () => {
    const dir = tempDir('art30-lock-test-');
    try {
      const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
      pkg.dependencies.zod = '4.0.0';
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
      fs.copyFileSync('package-lock.json', path.join(dir, 'package-lock.json'));
      const problems = checkLock(dir) as string[];
      expect(problems.join('\n')).toMatch(/npm ci refuses the lock file[\s\S]*zod/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a platform package missing from the lock is caught', () => {
    const l = lock();
    expect(missingOptionalPackages(l)).toEqual([]);
    const withOptional = Object.entries(l.packages).filter(([, e]) => Object.keys(e.optionalDependencies ?? {}).length);
    expect(withOptional.length).toBeGreaterThan(0);
    const [owner, entry] = withOptional[0];
    const name = Object.keys(entry.optionalDependencies!)[0];
    for (const key of Object.keys(l.packages)) if (key.endsWith(`node_modules/${name}`)) delete l.packages[key];
    expect(missingOptionalPackages(l)).toContain(`${name} (optional dependency of ${owner || 'the project'})`);
  });
});
