/**
 * Documents kept in the register and the audit bundle (issue 23). Written as [English, French]
 * pairs so that the two languages keep the same keys.
 */
import type { Entries } from '../catalogue.js';

const pairs: Record<string, [en: string, fr: string]> = {
  'documents.title': ['Documents', 'Documents'],
  'documents.subject': ['The document', 'Le document'],
  'documents.none': ['No document kept.', 'Aucun document conservé.'],
  'documents.document_one': ['{{count}} document', '{{count}} document'],
  'documents.document_other': ['{{count}} documents', '{{count}} documents'],
  'documents.owner.activity': ['activity', 'traitement'],
  'documents.owner.dpia': ['DPIA', 'AIPD'],
  'documents.owner.contract': ['contract', 'contrat'],
  'documents.owner.breach': ['breach', 'violation'],
  'documents.owner.request': ['request', 'demande'],
  'documents.kind.pdf': ['PDF', 'PDF'],
  'documents.kind.docx': ['Word', 'Word'],
  'documents.kind.xlsx': ['Excel', 'Excel'],
  'documents.kind.pptx': ['PowerPoint', 'PowerPoint'],
  'documents.kind.odt': ['OpenDocument text', 'Texte OpenDocument'],
  'documents.kind.ods': ['OpenDocument spreadsheet', 'Classeur OpenDocument'],
  'documents.kind.image': ['Image', 'Image'],
  'documents.kind.email': ['E-mail', 'Courriel'],
  'documents.kind.text': ['Text', 'Texte'],
  'documents.audience.internal': ['Internal only', 'Interne uniquement'],
  'documents.audience.authority': ['For the authority', 'Pour l’autorité'],
  'documents.audience.public': ['Public', 'Public'],
  'documents.field.name': ['Name', 'Nom'],
  'documents.field.kind': ['Kind', 'Type'],
  'documents.field.size': ['Size', 'Taille'],
  'documents.field.addedAt': ['Added on', 'Ajouté le'],
  'documents.field.addedBy': ['Added by', 'Ajouté par'],
  'documents.field.audience': ['Audience', 'Diffusion'],
  'documents.field.owner': ['Attached to', 'Rattaché à'],
  'documents.field.note': ['Note', 'Note'],
  'documents.sizeMb': ['{{size}} MB', '{{size}} Mo'],
  // Errors: a refused file, with the reason
  'documents.error.ownerNotFound': ['There is no {{type}} #{{id}} to attach a document to.', 'Il n’y a pas de {{type}} n° {{id}} auquel rattacher un document.'],
  'documents.error.notFound': ['Document #{{id}} does not exist (it may have been removed).', 'Le document n° {{id}} n’existe pas (il a peut-être été retiré).'],
  'documents.error.damaged': ['The stored content of “{{name}}” no longer matches its SHA-256.', 'Le contenu conservé de « {{name}} » ne correspond plus à son SHA-256.'],
  'documents.error.noName': ['A document needs a file name.', 'Un document doit avoir un nom de fichier.'],
  'documents.error.tooLarge': [
    '“{{name}}” is {{size}} MB: a document may be at most {{max}} MB. Nothing was added.',
    '« {{name}} » fait {{size}} Mo : un document ne peut dépasser {{max}} Mo. Rien n’a été ajouté.',
  ],
  'documents.error.registerFull': [
    '“{{name}}” would take the register’s documents beyond {{max}} MB ({{used}} MB already kept). Nothing was added.',
    '« {{name}} » porterait les documents du registre au-delà de {{max}} Mo ({{used}} Mo déjà conservés). Rien n’a été ajouté.',
  ],
  'documents.error.empty': ['“{{name}}” is empty or could not be read. Nothing was added.', '« {{name}} » est vide ou illisible. Rien n’a été ajouté.'],
  'documents.error.unreadable': ['“{{name}}” could not be read: {{reason}}. Nothing was added.', '« {{name}} » n’a pas pu être lu : {{reason}}. Rien n’a été ajouté.'],
  'documents.error.executable': [
    '“{{name}}” is a program or holds code (macros, script): a register keeps no executable. Nothing was added.',
    '« {{name}} » est un programme ou contient du code (macros, script) : un registre ne conserve aucun exécutable. Rien n’a été ajouté.',
  ],
  'documents.error.mismatch': [
    '“{{name}}” is not what its name says (its content is not of that kind, or it is damaged). Nothing was added.',
    '« {{name}} » n’est pas ce que son nom indique (contenu d’un autre type, ou endommagé). Rien n’a été ajouté.',
  ],
  'documents.error.unknown': [
    '“{{name}}” is not a kind of document the register keeps (PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG, JPEG, GIF, WebP, TIFF, EML, MSG, TXT). Nothing was added.',
    '« {{name}} » n’est pas un type de document conservé par le registre (PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG, JPEG, GIF, WebP, TIFF, EML, MSG, TXT). Rien n’a été ajouté.',
  ],
  'documents.error.ambiguousRef': [
    '{{ref}} names several records ({{list}}): say which with --to activity|dpia|contract|breach|request.',
    '{{ref}} désigne plusieurs fiches ({{list}}) : précisez laquelle avec --to activity|dpia|contract|breach|request.',
  ],
  'documents.error.refNotFound': ['No activity, contract, breach or request is {{ref}}.', 'Aucun traitement, contrat, violation ou demande ne porte la référence {{ref}}.'],
  // The audit bundle
  'documents.bundle.fileName': ['audit-bundle', 'dossier-audit'],
  'documents.bundle.kind': ['Audit bundle (ZIP): the register in PDF and XLSX, its documents and a manifest of their SHA-256', 'Dossier d’audit (ZIP) : le registre en PDF et XLSX, ses documents et un manifeste de leurs SHA-256'],
  'documents.bundle.button': ['Audit bundle (ZIP)…', 'Dossier d’audit (ZIP)…'],
  'documents.bundle.done': [
    'Audit bundle written: {{file}} ({{count}} files, SHA-256 {{sha256}})',
    'Dossier d’audit écrit : {{file}} ({{count}} fichiers, SHA-256 {{sha256}})',
  ],
  'documents.bundle.readme': [
    'Audit bundle of the register of processing activities (GDPR Art. 30), written by {{generator}} on {{date}} for {{audience}}.\n\nregister/ holds the register (PDF and XLSX); documents/ the documents kept with it, one folder per activity; manifest.json lists every file with its SHA-256 and the activity it belongs to (SHA256SUMS: the same, for sha256sum -c).\n',
    'Dossier d’audit du registre des activités de traitement (art. 30 du RGPD), écrit par {{generator}} le {{date}} pour {{audience}}.\n\nregistre/ contient le registre (PDF et XLSX) ; documents/ les documents conservés avec lui, un dossier par traitement ; manifest.json liste chaque fichier avec son SHA-256 et le traitement auquel il se rattache (SHA256SUMS : la même liste, pour sha256sum -c).\n',
  ],
  'documents.bundle.audience.authority': ['the supervisory authority', 'l’autorité de contrôle'],
  'documents.bundle.audience.internal': ['internal use', 'un usage interne'],
  'documents.bundle.audience.public': ['publication', 'publication'],
  'documents.bundle.folder.register': ['register', 'registre'],
  'documents.bundle.folder.documents': ['documents', 'documents'],
  'documents.bundle.folder.contracts': ['processor-contracts', 'contrats-sous-traitance'],
  'documents.bundle.folder.breaches': ['breaches', 'violations'],
  'documents.bundle.folder.requests': ['requests', 'demandes'],
  'documents.bundle.folder.dpia': ['DPIA', 'AIPD'],
  'documents.verify.ok': ['{{file}}: all {{count}} files match the manifest.', '{{file}} : les {{count}} fichiers correspondent au manifeste.'],
  'documents.verify.failed': ['{{file}}: {{count}} file(s) do not match the manifest.', '{{file}} : {{count}} fichier(s) ne correspondent pas au manifeste.'],
  'documents.verify.altered': ['altered (SHA-256 differs): {{path}}', 'modifié (SHA-256 différent) : {{path}}'],
  'documents.verify.missing': ['missing from the bundle: {{path}}', 'absent du dossier : {{path}}'],
  'documents.verify.extra': ['not in the manifest: {{path}}', 'absent du manifeste : {{path}}'],
  'documents.verify.unreadable': ['{{file}} is not an audit bundle Art30 can read: {{reason}}', '{{file}} n’est pas un dossier d’audit lisible par Art30 : {{reason}}'],
  'documents.verify.noManifest': ['it holds no manifest.json', 'il ne contient pas de manifest.json'],
  // Command line
  'documents.cli.attached': ['Attached {{name}} to {{owner}} ({{size}} bytes, SHA-256 {{sha256}})', '{{name}} rattaché à {{owner}} ({{size}} octets, SHA-256 {{sha256}})'],
  'documents.cli.needRefFile': ['Say the record and the file: attach REF FILE.', 'Précisez la fiche et le fichier : attach RÉF FICHIER.'],
  'documents.cli.needFile': ['Say the file: {{usage}}.', 'Précisez le fichier : {{usage}}.'],
  'documents.cli.badTo': ['--to takes activity, dpia, contract, breach or request.', '--to prend activity, dpia, contract, breach ou request.'],
  'documents.cli.bundleFormat': ['--bundle writes a ZIP: leave out --format and --notice.', '--bundle écrit un ZIP : retirez --format et --notice.'],
  'documents.cli.unknownAction': ['Unknown action "{{action}}": list, remove or replace.', 'Action inconnue « {{action}} » : list, remove ou replace.'],
  'documents.cli.sayWhich': ['Say which document (its number, from documents list).', 'Précisez quel document (son numéro, donné par documents list).'],
  'documents.cli.removed': ['Removed document {{id}} ({{name}}); it stays in the history.', 'Document {{id}} ({{name}}) retiré ; il reste dans l’historique.'],
  'documents.cli.replaced': ['Document {{id}} replaced by {{name}} (SHA-256 {{sha256}})', 'Document {{id}} remplacé par {{name}} (SHA-256 {{sha256}})'],
};

export const en: Entries = Object.fromEntries(Object.entries(pairs).map(([k, [e]]) => [k, e]));
export const fr: Entries = Object.fromEntries(Object.entries(pairs).map(([k, [, f]]) => [k, f]));
