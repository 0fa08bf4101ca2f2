/** Why a register file could not be opened; the message is meant for the DPO. */
export type OpenErrorCode = 'not_found' | 'not_a_register' | 'damaged' | 'newer_version' | 'locked' | 'migration_failed';

export class RegisterOpenError extends Error {
  constructor(
    readonly code: OpenErrorCode,
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'RegisterOpenError';
  }
}
