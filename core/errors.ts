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

export type MessageParams = Record<string, string | number | boolean | null | undefined>;

export interface FieldIssue {
  /** Field path, e.g. `transfers[0].country`: for the program (focus the field), never shown to the DPO. */
  path: string;
  /** The problem in English (logs, the CLI, tests). */
  message: string;
  /** The problem as a catalogue key and parameters (`errors.required`), translated where shown. */
  key?: string;
  params?: MessageParams;
  /** The field's label in the DPO's language, filled in where the error is shown. */
  label?: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: FieldIssue[];
  /** The message as a catalogue key and parameters, translated where shown. */
  key?: string;
  params?: MessageParams;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldIssue[] = [],
    /** The message as a catalogue key and parameters (translated where shown). */
    readonly text?: { key: string; params?: MessageParams },
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): ApiError {
    const out: ApiError = { code: this.code, message: this.message };
    if (this.details.length) out.details = this.details;
    if (this.text) {
      out.key = this.text.key;
      if (this.text.params) out.params = this.text.params;
    }
    return out;
  }
}

/**
 * A validation failure: the English message for logs and the CLI, and `errors.validation` with
 * the first issue and the number of others, which the window translates with the field's label.
 */
export function validationError(details: FieldIssue[], what = 'The entry'): AppError {
  const first = details[0];
  const summary = first ? `${first.path ? `${first.path} ` : ''}${first.message}` : 'is not valid';
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
  return new AppError(
    'validation',
    `${what} could not be saved: ${summary}${more}.`,
    details,
    details.length > 1 ? { key: 'errors.validationMore', params: { count: details.length - 1 } } : { key: 'errors.validation' },
  );
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} does not exist (it may have been deleted).`, [], { key: 'errors.notFound' });
}
