/**
 * API errors in the DPO's language: the API returns codes with parameters (`key`, `params`, per
 * field and for the whole error); they are translated with the field's label, never its path. The
 * code is shared with the CLI: core/i18n/error-text.ts.
 */
export { fieldLabel, localiseError, localiseText, type Tr } from '../../core/i18n/error-text.js';
