/**
 * Errors the DPO can read. Services throw an AppError; the API dispatcher returns it as data
 * (`{code, key, params, message, details}`) to the UI, the CLI and the tests.
 *
 * Every error is a catalogue key with parameters (`core/i18n/locales/errors.ts` and the other
 * areas), translated where it is shown (`localiseError`): the window and the CLI in the DPO's
 * language, with the fields' labels. The English `message` (logs, tests) is derived from the
 * catalogue's English text, never written a second time.
 */
import { t } from './i18n/i18n.js';
import { localiseError } from './i18n/error-text.js';

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

/** A field of the register, given by its path (`transfers[0].country`): shown as its label, never as the path. */
export interface FieldRef {
  field: string;
}

/**
 * A parameter of an error's text: a value, a field (shown as its label), or another text (a
 * catalogue key with parameters, translated in the same language: the cause of a wrapped error),
 * or a list of texts (joined with `errors.listSeparator`).
 */
export type TextParam = string | number | boolean | null | undefined | FieldRef | Words | ErrorText | ErrorText[];

/** Words given in both languages by the program's own tables (the import's field labels), chosen where shown. */
export interface Words {
  fr: string;
  en: string;
}
export type MessageParams = Record<string, TextParam>;

/** A text as a catalogue key and its parameters; plurals via `count`. */
export interface ErrorText {
  key: string;
  params?: MessageParams;
}

/** A text of the catalogue (`errors.*`, `import.*`, `cli.*`…) with its parameters. */
export function text(key: string, params?: MessageParams): ErrorText {
  return params ? { key, params } : { key };
}

/** A field given by its path, shown as its label where the text is shown. */
export function field(path: string): FieldRef {
  return { field: path };
}

export interface FieldIssue {
  /** Field path, e.g. `transfers[0].country`: for the program (focus the field), never shown to the DPO. */
  path: string;
  /** The problem as a catalogue key and parameters (`errors.required`), translated where shown. */
  key: string;
  params?: MessageParams;
  /** The problem in English, derived from the catalogue (logs, tests). */
  message: string;
  /** The field's label in the DPO's language, filled in where the error is shown. */
  label?: string;
}

/** A field's problem: its path, and the problem as a catalogue key (the English message follows). */
export function issue(path: string, key: string, params?: MessageParams): FieldIssue {
  const out: FieldIssue = { path, key, message: '' };
  if (params) out.params = params;
  out.message = localiseError({ code: 'validation', key, params, message: '' }, (k, v) => t('en', k, v), { paths: true }).message;
  return out;
}

export interface ApiError {
  code: ErrorCode;
  /** The message as a catalogue key and parameters, translated where shown. */
  key: string;
  params?: MessageParams;
  /** The message in English, derived from the catalogue (logs, tests). */
  message: string;
  details?: FieldIssue[];
}

/** The English message of an error, from the catalogue (fields by their paths: no labels in the core). */
export function englishMessage(error: Omit<ApiError, 'message'>): string {
  return localiseError({ ...error, message: '' }, (k, v) => t('en', k, v), { paths: true }).message;
}

/** An API error as data, with its English message derived from the catalogue. */
export function apiError(code: ErrorCode, message: ErrorText, details: FieldIssue[] = []): ApiError {
  const out: ApiError = { code, key: message.key, message: '' };
  if (message.params) out.params = message.params;
  if (details.length) out.details = details;
  out.message = englishMessage(out);
  return out;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** The message as a catalogue key and parameters (translated where shown). */
    readonly text: ErrorText,
    readonly details: FieldIssue[] = [],
  ) {
    super(englishMessage({ code, key: text.key, params: text.params, details }));
    this.name = 'AppError';
  }

  static from(error: ApiError): AppError {
    return new AppError(error.code, { key: error.key, params: error.params }, error.details ?? []);
  }

  toJSON(): ApiError {
    const out: ApiError = { code: this.code, key: this.text.key, message: this.message };
    if (this.text.params) out.params = this.text.params;
    if (this.details.length) out.details = this.details;
    return out;
  }
}

/** What a validation error is about, said in English messages ("The activity could not be saved…"). */
export const SUBJECTS = ['entry', 'activity', 'organisation', 'recipient', 'breach', 'request', 'settings', 'vocabulary', 'country', 'internationalOrganisation'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** What may not be found: `errors.notFound.<kind>` names it with its number or reference. */
export const NOT_FOUND_KINDS = ['activity', 'organisation', 'recipient', 'breach', 'request', 'vocabulary', 'country', 'mapping', 'import'] as const;
export type NotFoundKind = (typeof NOT_FOUND_KINDS)[number];

/**
 * A validation failure: `errors.validation` with the first issue and the number of others, which
 * is translated with the field's label where shown.
 */
/** "The activity", "L’activité": what an error is about, as a text of the catalogue. */
export function subject(what: Subject): ErrorText {
  return text(`errors.subject.${what}`);
}

export function validationError(details: FieldIssue[], what: Subject = 'entry'): AppError {
  return new AppError('validation', validationText(details, what), details);
}

export function validationText(details: FieldIssue[], what: Subject = 'entry'): ErrorText {
  return details.length > 1 ? text('errors.validationMore', { what: subject(what), count: details.length - 1 }) : text('errors.validation', { what: subject(what) });
}

/** `Processing activity #12 does not exist (it may have been deleted).`: a number, or a reference. */
export function notFound(kind: NotFoundKind, id: string | number): AppError {
  return new AppError('not_found', text(`errors.notFound.${kind}`, { id: typeof id === 'number' ? text('errors.number', { n: id }) : id }));
}
