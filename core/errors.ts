/**
 * Errors the DPO can read. Services throw an AppError; the API dispatcher returns it as data
 * (`{code, message, details}`) to the UI, the CLI and the tests.
 */
export type ErrorCode =
  | 'validation' // input does not fit: see details for the fields
  | 'not_found'
  | 'conflict' // stale version, or a reference already taken
  | 'in_use' // cannot delete: still used elsewhere
  | 'bad_input' // a file that cannot be read
  | 'unknown_procedure'
  | 'register' // the register file cannot be opened
  | 'cancelled'
  | 'internal';

export interface FieldIssue {
  /** Field path, e.g. `transfers[0].country`. */
  path: string;
  message: string;
  /** The message as a catalogue key with parameters, where the service gives one (shown translated). */
  key?: string;
  params?: Record<string, string | number>;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: FieldIssue[];
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): ApiError {
    return this.details.length ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function validationError(details: FieldIssue[], what = 'The entry'): AppError {
  const first = details[0];
  const summary = first ? `${first.path ? `${first.path} ` : ''}${first.message}` : 'is not valid';
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
  return new AppError('validation', `${what} could not be saved: ${summary}${more}.`, details);
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} does not exist (it may have been deleted).`);
}
