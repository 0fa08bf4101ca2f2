/** Texts of the first run and everyday use (issue 14): the demo register's confirmation, deleting an organisation, search. */
import type { Entries } from '../catalogue.js';

export const en: Entries = {
  'firstrun.searching': 'Searching every field…',
  'firstrun.demoConfirmTitle': 'Load the demo register?',
  'firstrun.demoConfirmText':
    'Two fictitious organisations (Atelier Lumière SAS and its foundation), their recipients and 12 activities are added to this register. It is empty: use a separate register file for the demo once you keep your own register.',
  'firstrun.demoConfirm': 'Load the demo',
  'firstrun.deleteOrg': 'Delete this organisation',
  'firstrun.deleteOrgTitle': 'Delete {{name}}?',
  'firstrun.deleteOrgEmpty': '{{name}} has no processing activity. The organisation is removed from the register; the history keeps a record of it.',
  'firstrun.deleteOrgWithActivities_one':
    '{{name}} has {{count}} processing activity: it is deleted with the organisation. A copy of the register is written beside it first (the way back), and the history keeps a record of every deletion.',
  'firstrun.deleteOrgWithActivities_other':
    '{{name}} has {{count}} processing activities: they are deleted with the organisation. A copy of the register is written beside it first (the way back), and the history keeps a record of every deletion.',
  'firstrun.deleteOrgType': 'Type the organisation’s name to confirm',
  'firstrun.deleteOrgConfirm': 'Delete',
  'firstrun.deletedOrg': '{{name}} deleted.',
  'firstrun.deletedOrgBackup': '{{name}} and its activities deleted. Copy of the register before the deletion: {{file}}',
};

export const fr: Entries = {
  'firstrun.searching': 'Recherche dans tous les champs…',
  'firstrun.demoConfirmTitle': 'Charger le registre de démonstration ?',
  'firstrun.demoConfirmText':
    'Deux organismes fictifs (Atelier Lumière SAS et sa fondation), leurs destinataires et 12 traitements sont ajoutés à ce registre. Il est vide : pour la démonstration, utilisez un fichier de registre séparé dès que vous tenez votre propre registre.',
  'firstrun.demoConfirm': 'Charger la démonstration',
  'firstrun.deleteOrg': 'Supprimer cet organisme',
  'firstrun.deleteOrgTitle': 'Supprimer {{name}} ?',
  'firstrun.deleteOrgEmpty': '{{name}} n’a aucun traitement. L’organisme est retiré du registre ; l’historique en garde la trace.',
  'firstrun.deleteOrgWithActivities_one':
    '{{name}} a {{count}} traitement : il est supprimé avec l’organisme. Une copie du registre est d’abord écrite à côté de lui (le retour en arrière), et l’historique garde la trace de chaque suppression.',
  'firstrun.deleteOrgWithActivities_other':
    '{{name}} a {{count}} traitements : ils sont supprimés avec l’organisme. Une copie du registre est d’abord écrite à côté de lui (le retour en arrière), et l’historique garde la trace de chaque suppression.',
  'firstrun.deleteOrgType': 'Tapez le nom de l’organisme pour confirmer',
  'firstrun.deleteOrgConfirm': 'Supprimer',
  'firstrun.deletedOrg': '{{name}} supprimé.',
  'firstrun.deletedOrgBackup': '{{name}} et ses traitements supprimés. Copie du registre avant la suppression : {{file}}',
};
