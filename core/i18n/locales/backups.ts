/**
 * Backups with the document store beside them, and their restore (issue 23's bench). Written as
 * [English, French] pairs so that the two languages keep the same keys.
 */
import type { Entries } from '../catalogue.js';

const pairs: Record<string, [en: string, fr: string]> = {
  'backups.error.isBackup': [
    '{{file}} is a backup whose documents are kept in the art30-documents folder beside it: restore it first (art30 restore {{file}} --out REGISTER.art30), then open the register written.',
    '{{file}} est une sauvegarde dont les documents sont dans le dossier art30-documents à côté d’elle : restaurez-la d’abord (art30 restore {{file}} --out REGISTRE.art30), puis ouvrez le registre écrit.',
  ],
  'backups.error.damagedDocument': [
    'A document kept in {{file}} is damaged (its bytes no longer match their SHA-256 {{sha256}}): the backup was not written. Restore the register from an earlier backup.',
    'Un document conservé dans {{file}} est endommagé (ses octets ne correspondent plus à leur SHA-256 {{sha256}}) : la sauvegarde n’a pas été écrite. Restaurez le registre à partir d’une sauvegarde antérieure.',
  ],
  'backups.error.storeMissing': [
    'The document {{name}} is missing from the backup’s document store ({{file}}): nothing was restored. Put the art30-documents folder back beside the backup.',
    'Le document {{name}} manque dans le dossier des documents de la sauvegarde ({{file}}) : rien n’a été restauré. Replacez le dossier art30-documents à côté de la sauvegarde.',
  ],
  'backups.error.storeDiffers': [
    'The document {{name}} in the backup’s document store ({{file}}) is not the one backed up (its SHA-256 differs): nothing was restored.',
    'Le document {{name}} du dossier des documents de la sauvegarde ({{file}}) n’est pas celui qui a été sauvegardé (son SHA-256 diffère) : rien n’a été restauré.',
  ],
  'backups.error.exists': ['{{file}} already exists: restore into a new file.', '{{file}} existe déjà : restaurez dans un nouveau fichier.'],
  'backups.cli.withStore': [
    'Backup written to {{file}} (SHA-256 {{sha256}}). Its documents ({{documents}}) are in {{store}}: {{written}} written by this backup, the others were already there. Keep the folder with the file; art30 restore gives back one register file.',
    'Sauvegarde écrite dans {{file}} (SHA-256 {{sha256}}). Ses documents ({{documents}}) sont dans {{store}} : {{written}} écrits par cette sauvegarde, les autres y étaient déjà. Gardez le dossier avec le fichier ; art30 restore redonne un seul fichier de registre.',
  ],
  'backups.cli.restored': [
    'Register restored to {{file}}; documents checked against their SHA-256: {{documents}}.',
    'Registre restauré dans {{file}} ; documents vérifiés par leur SHA-256 : {{documents}}.',
  ],
  'backups.cli.needFile': [
    'Say the backup and where to write the register: restore BACKUP --out FILE.',
    'Précisez la sauvegarde et où écrire le registre : restore SAUVEGARDE --out FICHIER.',
  ],
};

export const en: Entries = Object.fromEntries(Object.entries(pairs).map(([k, [e]]) => [k, e]));
export const fr: Entries = Object.fromEntries(Object.entries(pairs).map(([k, [, f]]) => [k, f]));
