/** The shells around the register (Electron main, the web server, the register's process): key `shell.`. */
import type { Entries } from '../catalogue.js';

export const en: Entries = {
  'shell.restarted': 'The register’s process stopped and has been restarted. The register was reopened: check your last change.',
  'shell.restartFailed': 'The register’s process stopped and the register could not be reopened: {{message}}',
};

export const fr: Entries = {
  'shell.restarted': 'Le processus du registre s’est arrêté et a été relancé. Le registre a été rouvert : vérifiez votre dernière modification.',
  'shell.restartFailed': 'Le processus du registre s’est arrêté et le registre n’a pas pu être rouvert : {{message}}',
};
