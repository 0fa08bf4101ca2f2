/** Texts of the `art30` command line (cli/). */
import type { Entries } from '../catalogue.js';

export const en: Entries = {
  'cli.registerMissing': 'No register at {{file}}. Check --db (or ART30_DB), or create one with "art30 init --db {{file}}".',
  'cli.fileExists': '{{file}} already exists: add --force to replace it.',
  'cli.orgUnknown': 'No organisation "{{ref}}". The organisations: {{list}}.',
  'cli.orgAmbiguous': '"{{ref}}" names several organisations: {{list}}. Say which with --org (number or key).',
  'cli.orgNone': 'This register has no organisation yet: add one with "art30 init --org NAME".',
  'cli.refAmbiguous': 'Several organisations have an activity {{ref}}: {{list}}. Say which with --org (number, key or name).',
  'cli.orgsHeader': 'No.  Key     Controller  Processor  Name',
  'cli.orgsTotal_one': '{{count}} organisation',
  'cli.orgsTotal_other': '{{count}} organisations',
  'cli.orgsEmpty': 'No organisation in this register.',
  'cli.demoNotEmpty':
    'The demo register goes only into an empty register: {{file}} already holds {{organisations}} organisation(s) and {{activities}} activit(y/ies). Use a new file: art30 init --demo --db demo.art30',
  'cli.demoConfirm': 'Add the demo register (2 fictitious organisations, 12 activities) to {{file}}?',
  'cli.demoCancelled': 'Nothing done: the demo register needs a confirmation (answer yes, or add --yes).',
};

export const fr: Entries = {
  'cli.registerMissing': 'Aucun registre à {{file}}. Vérifiez --db (ou ART30_DB), ou créez-le avec « art30 init --db {{file}} ».',
  'cli.fileExists': '{{file}} existe déjà : ajoutez --force pour le remplacer.',
  'cli.orgUnknown': 'Aucun organisme « {{ref}} ». Les organismes : {{list}}.',
  'cli.orgAmbiguous': '« {{ref}} » désigne plusieurs organismes : {{list}}. Précisez lequel avec --org (numéro ou clé).',
  'cli.orgNone': 'Ce registre n’a encore aucun organisme : ajoutez-en un avec « art30 init --org NOM ».',
  'cli.refAmbiguous': 'Plusieurs organismes ont un traitement {{ref}} : {{list}}. Précisez lequel avec --org (numéro, clé ou nom).',
  'cli.orgsHeader': 'N°   Clé     Resp. trt.  Sous-trt.  Nom',
  'cli.orgsTotal_one': '{{count}} organisme',
  'cli.orgsTotal_other': '{{count}} organismes',
  'cli.orgsEmpty': 'Aucun organisme dans ce registre.',
  'cli.demoNotEmpty':
    'Le registre de démonstration ne s’ajoute qu’à un registre vide : {{file}} contient déjà {{organisations}} organisme(s) et {{activities}} traitement(s). Utilisez un nouveau fichier : art30 init --demo --db demo.art30',
  'cli.demoConfirm': 'Ajouter le registre de démonstration (2 organismes fictifs, 12 traitements) à {{file}} ?',
  'cli.demoCancelled': 'Rien n’a été fait : le registre de démonstration demande une confirmation (répondez oui, ou ajoutez --yes).',
};
