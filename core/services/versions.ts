import { AppError } from '../errors.js';

/** Optimistic concurrency: an update based on an older version is refused, never merged silently. */
export function checkVersion(what: string, current: { version: number; updatedAt: string }, expectedVersion: number): void {
  if (current.version !== expectedVersion) {
    throw new AppError(
      'conflict',
      `${what} was changed elsewhere since you opened it (now version ${current.version}, last saved ${current.updatedAt}). Reload it to see the changes, then apply yours again.`,
      [
        {
          path: 'version',
          message: `expected version ${expectedVersion}, found ${current.version}`,
          key: 'errors.versionField',
          params: { expected: expectedVersion, found: current.version },
        },
      ],
      { key: 'errors.stale', params: { version: current.version, at: current.updatedAt } },
    );
  }
}
