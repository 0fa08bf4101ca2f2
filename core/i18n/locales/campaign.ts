/**
 * Department review campaigns (issue 22): the workbook and e-mail sent to each department, the
 * errors of collecting, the campaign screen and `art30 campaign`. Written as [English, French] pairs
 * so that the two languages keep the same keys.
 */
import type { Entries } from '../catalogue.js';

const pairs: Record<string, [en: string, fr: string]> = {
  // The workbook
  'campaign.sheet.instructions': ['Instructions', 'Mode d’emploi'],
  'campaign.sheet.activities': ['Your activities', 'Vos traitements'],
  'campaign.sheet.new': ['New activities', 'Nouveaux traitements'],
  'campaign.sheet.lists': ['Lists', 'Listes'],
  'campaign.col.ref': ['Ref.', 'Réf.'],
  'campaign.col.name': ['Processing activity', 'Traitement'],
  'campaign.col.owner': ['Person in charge', 'Responsable opérationnel'],
  'campaign.col.purpose': ['Purpose', 'Finalité'],
  'campaign.col.legalBases': ['Legal basis', 'Base légale'],
  'campaign.col.dataSubjects': ['People concerned', 'Personnes concernées'],
  'campaign.col.dataCategories': ['Personal data', 'Données traitées'],
  'campaign.col.recipients': ['Recipients', 'Destinataires'],
  'campaign.col.retention': ['Retention period', 'Durée de conservation'],
  'campaign.col.answer': ['Your answer', 'Votre réponse'],
  'campaign.col.comment': ['Comment', 'Commentaire'],
  'campaign.answer.accurate': ['Still accurate', 'Toujours exact'],
  'campaign.answer.changed': ['Changed', 'Modifié'],
  'campaign.answer.retired': ['No longer done', 'N’est plus réalisé'],
  'campaign.answer.none': ['No answer', 'Pas de réponse'],
  'campaign.wb.title': [
    'Review of the register of processing activities — {{department}} ({{organisation}})',
    'Revue du registre des traitements — {{department}} ({{organisation}})',
  ],
  'campaign.wb.due': ['Please return this file by {{date}} (campaign {{ref}}).', 'Merci de renvoyer ce fichier avant le {{date}} (campagne {{ref}}).'],
  'campaign.wb.step1': [
    '1. In the sheet “{{sheet}}”, read each activity and choose in the column “{{column}}”:',
    '1. Dans la feuille « {{sheet}} », relisez chaque traitement et choisissez dans la colonne « {{column}} » :',
  ],
  'campaign.wb.accurate': ['nothing to change: the line is right as it is.', 'rien à changer : la ligne est juste telle quelle.'],
  'campaign.wb.changed': [
    'correct the cells of the line directly (one item per line in a cell).',
    'corrigez directement les cellules de la ligne (un élément par ligne dans une cellule).',
  ],
  'campaign.wb.retired': ['the activity has stopped; say since when in the comment.', 'le traitement a cessé ; indiquez depuis quand en commentaire.'],
  'campaign.wb.lists': [
    'The drop-down lists suggest the register’s words; you may also type your own.',
    'Les listes déroulantes proposent les termes du registre ; vous pouvez aussi saisir les vôtres.',
  ],
  'campaign.wb.step2': [
    '2. An activity of your department that is missing? Describe it in the sheet “{{sheet}}”, one line each.',
    '2. Un traitement de votre service manque ? Décrivez-le dans la feuille « {{sheet}} », une ligne chacun.',
  ],
  'campaign.wb.step3': ['3. Save the file (XLSX or ODS) and send it back to the DPO.', '3. Enregistrez le fichier (XLSX ou ODS) et renvoyez-le au DPO.'],
  'campaign.wb.keep': [
    'Please do not delete or rename sheets, nor change the hidden sheet “{{sheet}}”: it lets the DPO recognise your answer.',
    'Merci de ne pas supprimer ni renommer de feuille, ni modifier la feuille masquée « {{sheet}} » : elle permet au DPO de reconnaître votre réponse.',
  ],
  'campaign.folderTitle': ['Folder for the campaign’s files', 'Dossier des fichiers de la campagne'],
  'campaign.file.base': ['register review', 'revue registre'],
  'campaign.file.reminder': ['reminder', 'relance'],
  'campaign.file.reminders': ['review campaign reminders', 'relances campagne de revue'],
  'campaign.file.campaign': ['review campaign', 'campagne de revue'],
  'campaign.reviewedBy': ['{{department}} (campaign {{ref}})', '{{department}} (campagne {{ref}})'],
  // The e-mail drafts
  'campaign.mail.subject': ['Review of your processing activities — reply by {{date}}', 'Revue de vos traitements de données — réponse avant le {{date}}'],
  'campaign.mail.reminderSubject': ['Reminder: review of your processing activities (due {{date}})', 'Relance : revue de vos traitements de données (attendue le {{date}})'],
  'campaign.mail.body': [
    'Hello,\n\nAs every year, the register of processing activities of {{organisation}} is reviewed with each department. Attached is the file of {{department}}: {{count}} activities to check.\nPlease return it by {{date}}.',
    'Bonjour,\n\nComme chaque année, le registre des traitements de {{organisation}} est revu avec chaque service. Vous trouverez ci-joint le fichier de {{department}} : {{count}} traitements à vérifier.\nMerci de le renvoyer avant le {{date}}.',
  ],
  'campaign.mail.reminderBody': [
    'Hello,\n\nWe have not yet received the review of the processing activities of {{department}}, expected by {{date}}. The file is attached again.',
    'Bonjour,\n\nNous n’avons pas encore reçu la revue des traitements de {{department}}, attendue pour le {{date}}. Le fichier est à nouveau joint.',
  ],
  'campaign.mail.howTo': [
    'For each activity, choose “Still accurate”, “Changed” (and correct the line) or “No longer done”; add the missing ones in the sheet “New activities”. Then send the saved file back in reply to this message.',
    'Pour chaque traitement, choisissez « Toujours exact », « Modifié » (et corrigez la ligne) ou « N’est plus réalisé » ; ajoutez ceux qui manquent dans la feuille « Nouveaux traitements ». Renvoyez ensuite le fichier enregistré en réponse à ce message.',
  ],
  'campaign.mail.signature': ['Thank you,\nThe Data Protection Officer', 'Merci,\nLe délégué à la protection des données'],
  // Errors
  'campaign.error.notFound': ['Campaign #{{id}} does not exist.', 'La campagne n° {{id}} n’existe pas.'],
  'campaign.error.unknownDepartment': [
    'No activity of the organisation belongs to the department(s) {{names}}. Its departments: {{known}}.',
    'Aucun traitement de l’organisme ne relève du ou des services {{names}}. Ses services : {{known}}.',
  ],
  'campaign.error.unknownOwner': [
    'No activity of the organisation has {{names}} as person in charge. The persons in charge: {{known}}.',
    'Aucun traitement de l’organisme n’a {{names}} pour responsable. Les responsables : {{known}}.',
  ],
  'campaign.error.noDepartment': [
    'No activity of {{organisation}} has a department: there is nobody to send a review to.',
    'Aucun traitement de {{organisation}} n’a de service : il n’y a personne à qui envoyer une revue.',
  ],
  'campaign.error.otherRegister': [
    '“{{file}}” belongs to a campaign of another register ({{organisation}}): nothing was written.',
    '« {{file}} » appartient à une campagne d’un autre registre ({{organisation}}) : rien n’a été écrit.',
  ],
  'campaign.error.otherOrganisation': [
    '“{{file}}” is an answer for {{organisation}}, not for {{expected}}: nothing was written.',
    '« {{file}} » est une réponse pour {{organisation}}, pas pour {{expected}} : rien n’a été écrit.',
  ],
  'campaign.error.otherCampaign': [
    '“{{file}}” is an answer to campaign {{ref}}, not to {{expected}}: nothing was written.',
    '« {{file}} » est une réponse à la campagne {{ref}}, pas à {{expected}} : rien n’a été écrit.',
  ],
  'campaign.error.stampEdited': [
    'The campaign stamp of “{{file}}” was edited (its seal no longer matches): the file is refused, nothing was written. Ask the department for the file as it was sent, or import it as any department file.',
    'Le tampon de campagne de « {{file}} » a été modifié (son sceau ne correspond plus) : le fichier est refusé, rien n’a été écrit. Demandez au service le fichier tel qu’il a été envoyé, ou importez-le comme un fichier de service quelconque.',
  ],
  'campaign.error.alreadyReturned': [
    'The answer of {{department}} was already collected on {{date}} (“{{returned}}”): “{{file}}” is refused, nothing was written.',
    'La réponse de {{department}} a déjà été collectée le {{date}} (« {{returned}} ») : « {{file}} » est refusé, rien n’a été écrit.',
  ],
  'campaign.error.noStamp': [
    '“{{file}}” has no campaign stamp: import it as any department file.',
    '« {{file}} » ne porte pas de tampon de campagne : importez-le comme un fichier de service quelconque.',
  ],
  'campaign.error.outIsFile': ['{{dir}} is a file: give a folder for the campaign’s files.', '{{dir}} est un fichier : indiquez un dossier pour les fichiers de la campagne.'],
  'campaign.error.dueOn': ['The due date must be written YYYY-MM-DD.', 'L’échéance doit être écrite AAAA-MM-JJ.'],
  // The campaign screen
  'campaign.nav': ['Review campaigns', 'Campagnes de revue'],
  'campaign.title': ['Department review campaigns', 'Campagnes de revue avec les services'],
  'campaign.intro': [
    'Send each department its own activities, see who answered, and merge what comes back.',
    'Envoyez à chaque service ses propres traitements, voyez qui a répondu et intégrez ce qui revient.',
  ],
  'campaign.new': ['New campaign', 'Nouvelle campagne'],
  'campaign.none': ['No campaign yet.', 'Aucune campagne pour l’instant.'],
  'campaign.groupBy': ['Send to', 'Envoyer à'],
  'campaign.groupBy.department': ['each department', 'chaque service'],
  'campaign.groupBy.owner': ['each person in charge', 'chaque responsable opérationnel'],
  'campaign.departments': ['Departments', 'Services'],
  'campaign.owners': ['Persons in charge', 'Responsables'],
  'campaign.activityCount_one': ['{{count}} activity', '{{count}} traitement'],
  'campaign.activityCount_other': ['{{count}} activities', '{{count}} traitements'],
  'campaign.dueOn': ['Due date', 'Échéance'],
  'campaign.message': ['Message to the departments', 'Message aux services'],
  'campaign.language': ['Language of the files', 'Langue des fichiers'],
  'campaign.create': ['Create the campaign', 'Créer la campagne'],
  'campaign.created': ['Campaign {{ref}} created: download its files and send them.', 'Campagne {{ref}} créée : téléchargez ses fichiers et envoyez-les.'],
  'campaign.chooseOne': ['Choose at least one department.', 'Choisissez au moins un service.'],
  'campaign.download': ['Download the files (workbooks and e-mail drafts)', 'Télécharger les fichiers (classeurs et brouillons de courriel)'],
  'campaign.written_one': ['{{count}} file written.', '{{count}} fichier écrit.'],
  'campaign.written_other': ['{{count}} files written.', '{{count}} fichiers écrits.'],
  'campaign.downloadReminders': ['Download the reminder drafts', 'Télécharger les brouillons de relance'],
  'campaign.collect': ['Collect an answer…', 'Collecter une réponse…'],
  'campaign.collectFile': ['Returned file', 'Fichier retourné'],
  'campaign.progress': ['{{returned}} of {{count}} returned', '{{returned}} sur {{count}} retournés'],
  'campaign.due': ['due {{date}}', 'échéance le {{date}}'],
  'campaign.col.department': ['Department', 'Service'],
  'campaign.col.state': ['State', 'État'],
  'campaign.col.sentAt': ['Sent', 'Envoyé'],
  'campaign.col.returnedAt': ['Returned', 'Retourné'],
  'campaign.col.activities': ['Activities', 'Traitements'],
  'campaign.state.sent': ['sent', 'envoyé'],
  'campaign.state.returned': ['returned', 'retourné'],
  'campaign.state.late': ['late', 'en retard'],
  'campaign.reminded': ['reminded on {{date}}', 'relancé le {{date}}'],
  // Preview of an answer
  'campaign.preview.title': ['Answer of {{department}} — campaign {{ref}}', 'Réponse de {{department}} — campagne {{ref}}'],
  'campaign.preview.sent': ['Sent', 'Envoyé'],
  'campaign.preview.answer': ['The department says', 'Le service indique'],
  'campaign.preview.current': ['Register now', 'Registre aujourd’hui'],
  'campaign.preview.conflict': ['Changed in the register since the sending: decide', 'Modifié dans le registre depuis l’envoi : à trancher'],
  'campaign.preview.takeDepartment': ['Take the department’s answer', 'Retenir la réponse du service'],
  'campaign.preview.keepRegister': ['Keep the register’s value', 'Garder la valeur du registre'],
  'campaign.preview.retire': ['Retire this activity', 'Retirer ce traitement'],
  'campaign.preview.skip': ['Leave this activity as it is', 'Laisser ce traitement tel quel'],
  'campaign.preview.noChange': ['No change.', 'Aucune modification.'],
  'campaign.preview.inferred': ['Cells were changed: taken as “Changed”.', 'Des cellules ont été modifiées : compris comme « Modifié ».'],
  'campaign.preview.missing': ['This activity was deleted from the register since the sending.', 'Ce traitement a été supprimé du registre depuis l’envoi.'],
  'campaign.preview.new': ['New activities (imported as drafts)', 'Nouveaux traitements (importés comme brouillons)'],
  'campaign.preview.import': ['Import this one', 'Importer celui-ci'],
  'campaign.preview.commit': ['Record this answer', 'Enregistrer cette réponse'],
  'campaign.preview.cancel': ['Cancel', 'Annuler'],
  'campaign.preview.unstamped': [
    '“{{file}}” has no campaign stamp: it can be imported as any department file.',
    '« {{file}} » ne porte pas de tampon de campagne : il peut être importé comme un fichier de service quelconque.',
  ],
  'campaign.preview.openImport': ['Import it as a department file', 'L’importer comme fichier de service'],
  'campaign.collected': [
    'Answer of {{department}} recorded — reviewed: {{reviewed}}, changed: {{changed}}, retired: {{retired}}, new drafts: {{created}}.',
    'Réponse de {{department}} enregistrée — revus : {{reviewed}}, modifiés : {{changed}}, retirés : {{retired}}, nouveaux brouillons : {{created}}.',
  ],
  'campaign.field.name': ['Name', 'Nom'],
  // The overview
  'campaign.overview.title': ['Review campaign {{ref}}', 'Campagne de revue {{ref}}'],
  'campaign.overview.returned_one': ['department answered', 'service a répondu'],
  'campaign.overview.returned_other': ['departments answered', 'services ont répondu'],
  'campaign.overview.waiting_one': ['department awaited', 'service attendu'],
  'campaign.overview.waiting_other': ['departments awaited', 'services attendus'],
  'campaign.overview.late_one': ['department late', 'service en retard'],
  'campaign.overview.late_other': ['departments late', 'services en retard'],
  // The command line
  'campaign.cli.created_one': [
    'Campaign {{ref}} ({{organisation}}): {{count}} department, due {{date}}.',
    'Campagne {{ref}} ({{organisation}}) : {{count}} service, échéance le {{date}}.',
  ],
  'campaign.cli.created_other': [
    'Campaign {{ref}} ({{organisation}}): {{count}} departments, due {{date}}.',
    'Campagne {{ref}} ({{organisation}}) : {{count}} services, échéance le {{date}}.',
  ],
  'campaign.cli.wrote_one': ['Wrote {{count}} file into {{dir}}', '{{count}} fichier écrit dans {{dir}}'],
  'campaign.cli.wrote_other': ['Wrote {{count}} files into {{dir}}', '{{count}} fichiers écrits dans {{dir}}'],
  'campaign.cli.none': ['No campaign.', 'Aucune campagne.'],
  'campaign.cli.header': [
    'Campaign {{ref}} — {{organisation}} — due {{date}}: {{returned}} of {{count}} returned, {{late}} late',
    'Campagne {{ref}} — {{organisation}} — échéance le {{date}} : {{returned}} sur {{count}} retournés, {{late}} en retard',
  ],
  'campaign.cli.remindersHint': [
    'Reminder drafts for those who have not answered: art30 campaign remind {{id}} --out DIR',
    'Brouillons de relance pour ceux qui n’ont pas répondu : art30 campaign remind {{id}} --out DOSSIER',
  ],
  'campaign.cli.previewHeader': [
    'Answer of {{department}} to campaign {{ref}} ({{organisation}}), file {{file}}',
    'Réponse de {{department}} à la campagne {{ref}} ({{organisation}}), fichier {{file}}',
  ],
  'campaign.cli.conflict': [
    'conflict: changed in the register since the sending; the register’s value is kept (--take {{ref}}:{{field}} to take the department’s)',
    'conflit : modifié dans le registre depuis l’envoi ; la valeur du registre est gardée (--take {{ref}}:{{field}} pour retenir celle du service)',
  ],
  'campaign.cli.newActivity': ['new activity (row {{row}}), imported as a draft', 'nouveau traitement (ligne {{row}}), importé comme brouillon'],
  'campaign.cli.dryRun': ['Dry run: nothing was written.', 'Essai : rien n’a été écrit.'],
  'campaign.cli.confirm': ['Record this answer in the register?', 'Enregistrer cette réponse dans le registre ?'],
  'campaign.cli.notConfirmed': ['Nothing was written (answer with --yes to record it).', 'Rien n’a été écrit (répondez avec --yes pour l’enregistrer).'],
  'campaign.cli.unstamped': [
    '“{{file}}” has no campaign stamp: it is imported as any department file.',
    '« {{file}} » ne porte pas de tampon de campagne : il est importé comme un fichier de service quelconque.',
  ],
  'campaign.cli.emailOption': [
    '--email is written DEPARTMENT=ADDRESS, e.g. --email "HR=hr@example.org".',
    '--email s’écrit SERVICE=ADRESSE, par exemple --email "RH=rh@example.org".',
  ],
  'campaign.email': ['E-mail address of {{department}}', 'Adresse e-mail de {{department}}'],
  'campaign.cli.badAction': ['Unknown action “{{action}}”: create, status, remind or collect.', 'Action inconnue « {{action}} » : create, status, remind ou collect.'],
};

export const en: Entries = Object.fromEntries(Object.entries(pairs).map(([k, [e]]) => [k, e]));
export const fr: Entries = Object.fromEntries(Object.entries(pairs).map(([k, [, f]]) => [k, f]));
