import { AppError, issue, text, type ErrorText } from '../errors.js';

/** Optimistic concurrency: an update based on an older version is refused, never merged silently. */
export function checkVersion(what: ErrorText, current: { version: number; updatedAt: string }, expectedVersion: number): void {
  if (current.version !== expectedVersion) {
    throw new AppError('conflict', text('errors.stale', { what, version: current.version, at: current.updatedAt }), [
      issue('version', 'errors.versionField', { expected: expectedVersion, found: current.version }),
    ]);
  }
}
