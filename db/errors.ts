import { englishMessage, text as textOf, type ErrorText, type MessageParams } from '../core/errors.js';

/** Why a register file could not be opened; the message is meant for the DPO. */
export type OpenErrorCode = 'not_found' | 'not_a_register' | 'damaged' | 'newer_version' | 'locked' | 'migration_failed';

export class RegisterOpenError extends Error {
  /** The message as a catalogue key (`errors.open.*`) and parameters, translated where shown. */
  readonly text: ErrorText;
  constructor(
    readonly code: OpenErrorCode,
    key: string,
    params: MessageParams,
    readonly file: string,
  ) {
    const text = textOf(key, params);
    super(englishMessage({ code: 'register', key: text.key, params: text.params }));
    this.text = text;
    this.name = 'RegisterOpenError';
  }
}
