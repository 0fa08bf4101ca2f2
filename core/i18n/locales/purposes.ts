/** A legal basis per purpose (issue 25): the editor, the exports and the notice say which purpose each basis serves. */
import type { Entries } from '../catalogue.js';

export const en: Entries = {
  'purposes.error.noSuchPurpose': 'serves purpose {{n}}, but the activity has only {{count}} sub-purposes',
  'purposes.editor.served': 'Purpose served',
  'purposes.served': 'Purpose served',
  'purposes.field.purposeBasesToCheck': 'Legal bases per purpose to check',
  'purposes.subNumber': 'sub-purpose {{n}}',
  'purposes.notice.sub': '{{purpose}} — legal basis: {{bases}}',
  'purposes.notice.subCondition': '{{purpose}} — {{condition}}',
  'purposes.notice.missing': 'The legal basis of the purpose “{{purpose}}”.',
  'purposes.notice.toCheck': 'Which purpose each legal basis serves (given to the main purpose when the register was upgraded: to check).',
  'purposes.editor.main': 'Main purpose: {{text}}',
  'purposes.editor.sub': 'Sub-purpose {{n}}: {{text}}',
  'purposes.editor.untitled': '(not written yet)',
  'purposes.editor.hint': 'Give each purpose its own basis: choose the purpose each basis serves.',
  'purposes.editor.interests': 'Describe the legitimate interests pursued (Art. 13(1)(d): the notice says them).',
  'purposes.editor.toCheck':
    'Art30 now keeps a legal basis per purpose. This activity’s bases were given to its main purpose when the register was upgraded: check which purpose each one serves, then confirm.',
  'purposes.editor.confirm': 'Confirm the bases per purpose',
  'purposes.editor.confirmed': 'Bases per purpose confirmed: save the activity to record it.',
};

export const fr: Entries = {
  'purposes.error.noSuchPurpose': 'sert la finalité {{n}}, mais le traitement n’a que {{count}} sous-finalités',
  'purposes.editor.served': 'Finalité servie',
  'purposes.served': 'Finalité servie',
  'purposes.field.purposeBasesToCheck': 'Bases légales par finalité à vérifier',
  'purposes.subNumber': 'sous-finalité {{n}}',
  'purposes.notice.sub': '{{purpose}} — base légale : {{bases}}',
  'purposes.notice.subCondition': '{{purpose}} — {{condition}}',
  'purposes.notice.missing': 'La base légale de la finalité « {{purpose}} ».',
  'purposes.notice.toCheck': 'La finalité que sert chaque base légale (données à la finalité principale lors de la mise à niveau du registre : à vérifier).',
  'purposes.editor.main': 'Finalité principale : {{text}}',
  'purposes.editor.sub': 'Sous-finalité {{n}} : {{text}}',
  'purposes.editor.untitled': '(pas encore rédigée)',
  'purposes.editor.hint': 'Donnez à chaque finalité sa propre base : choisissez la finalité que sert chaque base.',
  'purposes.editor.interests': 'Décrivez les intérêts légitimes poursuivis (art. 13.1.d : la mention d’information les indique).',
  'purposes.editor.toCheck':
    'Art30 tient désormais une base légale par finalité. Les bases de ce traitement ont été données à sa finalité principale lors de la mise à niveau du registre : vérifiez la finalité que sert chacune, puis confirmez.',
  'purposes.editor.confirm': 'Confirmer les bases par finalité',
  'purposes.editor.confirmed': 'Bases par finalité confirmées : enregistrez le traitement pour en garder la trace.',
};
