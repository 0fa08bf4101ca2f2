/**
 * The register fields a spreadsheet column can be mapped to, with their French and English labels
 * (the blank template's headers) and the synonyms departments use. `kind` says how a cell is read.
 */
export type FieldKind = 'text' | 'list' | 'date' | 'yesno' | 'code';

export interface FieldDef {
  key: string;
  labelFr: string;
  labelEn: string;
  kind: FieldKind;
  /** Several columns may feed the field (their values are added together). */
  multi: boolean;
  /** The row is an error without it. */
  required?: boolean;
  /** Headers departments write for this field, any language (folded when compared). */
  synonyms: string[];
  /** Instructions for the blank template. */
  helpFr: string;
  helpEn: string;
}

const f = (key: string, labelFr: string, labelEn: string, kind: FieldKind, synonyms: string[], helpFr = '', helpEn = '', extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  labelFr,
  labelEn,
  kind,
  multi: kind === 'list',
  synonyms,
  helpFr,
  helpEn,
  ...extra,
});

export const FIELDS: FieldDef[] = [
  f('ref', 'Référence', 'Reference', 'text', ['ref', 'réf', 'n° / réf', 'n°', 'no', 'numéro', 'numero de fiche', 'identifiant', 'id', 'code', 'reference number', 'ref no', 'record id', 'activity id', 'n ref'], 'Laisser vide : Art30 attribue une référence (T-001…).', 'Leave empty: Art30 assigns one (T-001…).'),
  f('name', 'Nom du traitement', 'Processing activity', 'text', ['nom du traitement', 'traitement', 'activité de traitement', 'activité', 'intitulé', 'intitulé du traitement', 'libellé', 'nom', 'processing activity', 'activity', 'activity name', 'name', 'processing', 'processing name', 'name of processing', 'title'], 'Un traitement par ligne, nommé par sa finalité (pas par le logiciel).', 'One activity per row, named by its purpose (not by the software).', { required: true }),
  f('purpose', 'Finalité', 'Purpose', 'text', ['finalité', 'finalités', 'finalité principale', 'finalité du traitement', 'objectif', 'but', 'purpose', 'purposes', 'purpose of processing', 'purpose of the processing', 'main purpose', 'why'], 'Pourquoi les données sont traitées.', 'Why the data are processed.', { required: true }),
  f('subPurposes', 'Sous-finalités', 'Sub-purposes', 'list', ['sous-finalité', 'sous-finalités', 'sous finalite 1', 'finalités secondaires', 'sub-purposes', 'sub purpose', 'secondary purposes', 'other purposes'], 'Une par ligne ou séparées par « ; ».', 'One per line or separated by ";".'),
  f('role', 'Rôle', 'Role', 'code', ['rôle', 'role', 'qualité', 'qualification', 'en qualité de', 'capacity', 'controller or processor', 'responsable ou sous-traitant'], 'Responsable de traitement, responsable conjoint ou sous-traitant.', 'Controller, joint controller or processor.'),
  f('status', 'Statut', 'Status', 'code', ['statut', 'état', 'status', 'state'], 'Brouillon, actif ou retiré.', 'Draft, active or retired.'),
  f('department', 'Service', 'Department', 'text', ['service', 'direction', 'département', 'pôle', 'entité', 'service concerné', 'service responsable', 'department', 'business unit', 'business function', 'team', 'division', 'function', 'service / direction'], '', ''),
  f('owner', 'Responsable opérationnel', 'Owner', 'text', ['responsable opérationnel', 'référent', 'pilote', 'responsable du service', 'responsable métier', 'propriétaire', 'owner', 'process owner', 'business owner', 'contact', 'information asset owner'], 'La personne qui répond du traitement dans le service.', 'The person accountable for the activity in the department.'),
  f('description', 'Description', 'Description', 'text', ['description', 'description du traitement', 'commentaire', 'commentaires', 'remarques', 'observations', 'notes', 'comments', 'details'], '', ''),
  f('legalBases', 'Base légale', 'Legal basis', 'list', ['base légale', 'bases légales', 'base juridique', 'fondement juridique', 'fondement légal', 'licéité', 'base de licéité', 'legal basis', 'lawful basis', 'lawful basis for processing', 'article 6 basis', 'legal ground', 'art 6'], 'Consentement, contrat, obligation légale, intérêts vitaux, mission d’intérêt public, intérêt légitime.', 'Consent, contract, legal obligation, vital interests, public task, legitimate interests.'),
  f('legalBasisJustification', 'Justification de la base légale', 'Legal basis justification', 'text', ['justification', 'justification de la base légale', 'précision base légale', 'intérêt légitime poursuivi', 'texte de référence', 'legitimate interest', 'legitimate interests pursued', 'legal basis details', 'justification of the legal basis', 'legal reference'], 'Texte de loi, ou intérêt légitime poursuivi.', 'The law, or the legitimate interest pursued.'),
  f('art9Conditions', 'Condition article 9', 'Article 9 condition', 'list', ['condition article 9', 'exception article 9', 'art 9', 'article 9', 'base légale données sensibles', 'condition for special category data', 'article 9 condition', 'special category condition', 'art 9 2'], '', ''),
  f('criminalDataBasis', 'Base article 10', 'Article 10 basis', 'text', ['article 10', 'données pénales base', 'base données pénales', 'criminal offence data condition', 'article 10 basis', 'criminal data basis'], '', ''),
  f('dataSubjects', 'Personnes concernées', 'Data subjects', 'list', ['personnes concernées', 'catégories de personnes', 'catégories de personnes concernées', 'personnes', 'population', 'population concernée', 'data subjects', 'categories of data subjects', 'categories of individuals', 'individuals', 'data subject categories', 'who'], 'Salariés, clients, candidats… une par ligne.', 'Employees, customers, applicants… one per line.'),
  f('dataCategories', 'Catégories de données', 'Data categories', 'list', ['catégories de données', 'données', 'données traitées', 'données collectées', 'données personnelles', 'types de données', 'catégories de données personnelles', 'catégories de données personnelles concernées', 'data categories', 'categories of personal data', 'personal data', 'data', 'data collected', 'types of data', 'personal data categories', 'data items'], 'Une par ligne.', 'One per line.'),
  f('specialCategories', 'Données sensibles', 'Special categories', 'list', ['données sensibles', 'catégories particulières', 'catégories particulières de données', 'données sensibles (art 9)', 'special categories', 'special category data', 'sensitive data', 'special categories of personal data'], 'Santé, opinions politiques… (article 9), condamnations (article 10).', 'Health, political opinions… (Article 9), convictions (Article 10).'),
  f('hasSpecialData', 'Données sensibles ? (oui/non)', 'Special category data? (yes/no)', 'yesno', ['données sensibles ?', 'données sensibles oui non', 'oui/non', 'sensible', 'sensitive', 'sensitive data?', 'special category data?', 'contains special category data'], '', ''),
  f('dataSources', 'Source des données', 'Data sources', 'list', ['source', 'source des données', 'sources', 'origine des données', 'provenance', 'source of data', 'data source', 'data sources', 'source of the personal data'], '', ''),
  f('recipients', 'Destinataires', 'Recipients', 'list', ['destinataires', 'destinataire', 'destinataires des données', 'catégories de destinataires', 'accès aux données', 'recipients', 'recipient', 'categories of recipients', 'data recipients', 'shared with', 'disclosed to'], 'Un par ligne : nom du service, du prestataire ou de l’organisme.', 'One per line: name of the department, provider or body.'),
  f('recipientType', 'Type de destinataire', 'Recipient type', 'code', ['type de destinataire', 'type destinataire', 'recipient type', 'type of recipient'], '', ''),
  f('transferCountries', 'Transferts hors UE (pays)', 'Transfers outside the EU (countries)', 'list', ['transferts hors ue', 'transfert hors ue', 'pays de transfert', 'pays', 'pays destinataire', 'transfert', 'transferts', 'transferts hors union européenne', 'pays tiers', 'transfers', 'transfer', 'international transfers', 'transfers to third countries', 'third countries', 'country', 'countries', 'destination country', 'name of third country'], 'Pays hors Union européenne, un par ligne.', 'Countries outside the EU, one per line.'),
  f('transferRecipients', 'Destinataire du transfert', 'Transfer recipient', 'list', ['destinataire du transfert', 'organisme destinataire', 'transfer recipient', 'importer', 'data importer'], '', ''),
  f('transferSafeguard', 'Garanties du transfert', 'Transfer safeguard', 'code', ['garanties', 'garantie', 'type de garanties', 'garanties appropriées', 'encadrement du transfert', 'safeguards', 'safeguard', 'transfer mechanism', 'transfer safeguard', 'appropriate safeguards', 'safeguards for exceptional transfers'], 'Pays adéquat, clauses contractuelles types, BCR…', 'Adequacy, standard contractual clauses, BCR…'),
  f('transferDocumentation', 'Documentation du transfert', 'Transfer documentation', 'text', ['liens vers la documentation', 'documentation', 'documentation du transfert', 'transfer documentation', 'link to documentation'], '', ''),
  f('transferTia', 'Analyse d’impact du transfert (TIA)', 'Transfer impact assessment (TIA)', 'text', ['tia', 'analyse d impact du transfert', 'analyse d impact des transferts', 'evaluation d impact du transfert', 'reference tia', 'transfer impact assessment', 'tia reference', 'transfer risk assessment'], 'Référence de l’analyse d’impact du transfert (clauses types…).', 'Reference of the transfer impact assessment (SCCs…).'),
  f('retention', 'Durée de conservation', 'Retention period', 'list', ['durée de conservation', 'conservation', 'durée', 'délai de conservation', 'durées de conservation', 'archivage', 'retention', 'retention period', 'retention schedule', 'time limits for erasure', 'how long', 'storage period', 'retention periods'], 'Ex. : « 3 ans à compter de la fin du contrat ».', 'E.g. "3 years after contract end".'),
  f('securityMeasures', 'Mesures de sécurité', 'Security measures', 'list', ['mesures de sécurité', 'sécurité', 'mesures techniques et organisationnelles', 'mesures de sécurité techniques', 'security measures', 'security', 'technical and organisational measures', 'toms', 'general description of technical and organisational security measures'], 'Contrôle d’accès, chiffrement, sauvegarde… une par ligne.', 'Access control, encryption, backups… one per line.'),
  f('securityNotes', 'Précisions sécurité', 'Security notes', 'text', ['précisions sécurité', 'précisions mesures de sécurité', 'security notes', 'security details'], '', ''),
  f('jointControllers', 'Responsables conjoints', 'Joint controllers', 'list', ['responsables conjoints', 'responsable conjoint', 'co-responsables', 'joint controllers', 'joint controller'], '', ''),
  f('systems', 'Logiciels et systèmes', 'Systems', 'list', ['logiciel', 'logiciels', 'application', 'applications', 'outil', 'outils', 'système', 'systèmes', 'support', 'systems', 'system', 'software', 'tools', 'it systems'], '', ''),
  f('dpiaStatus', 'AIPD', 'DPIA', 'code', ['aipd', 'pia', 'analyse d’impact', 'aipd réalisée', 'aipd requise', 'dpia', 'dpia required', 'dpia status', 'data protection impact assessment'], 'Non requise, prévue, en cours, réalisée.', 'Not required, planned, in progress, completed.'),
  f('dpiaLink', 'Lien vers l’AIPD', 'DPIA link', 'text', ['lien aipd', 'lien vers l’aipd', 'dpia link', 'link to dpia'], '', ''),
  f('automatedDecision', 'Décision automatisée (oui/non)', 'Automated decision (yes/no)', 'yesno', ['décision automatisée', 'profilage', 'décision individuelle automatisée', 'automated decision', 'automated decision making', 'profiling', 'automated decision-making'], '', ''),
  f('automatedDecisionDescription', 'Précisions décision automatisée', 'Automated decision details', 'text', ['précisions décision automatisée', 'logique du profilage', 'automated decision details', 'profiling details'], '', ''),
  f('rights', 'Droits des personnes', 'Rights', 'text', ['droits', 'droits des personnes', 'exercice des droits', 'modalités d’exercice des droits', 'rights', 'rights available', 'individuals rights', 'data subject rights'], '', ''),
  f('consentRecords', 'Preuve du consentement', 'Consent records', 'text', ['preuve du consentement', 'recueil du consentement', 'consent records', 'link to record of consent', 'consent evidence'], '', ''),
  f('breaches', 'Violations de données', 'Personal data breaches', 'text', ['violations', 'violations de données', 'incidents', 'personal data breaches', 'breaches'], '', ''),
  f('lastReviewedAt', 'Date de dernière revue', 'Last reviewed', 'date', ['date de revue', 'dernière revue', 'revu le', 'date de dernière revue', 'last review', 'last reviewed', 'review date', 'date of last review'], 'JJ/MM/AAAA', 'DD/MM/YYYY'),
  f('createdAt', 'Date de création', 'Created on', 'date', ['date de création', 'date de création de la fiche', 'date de création du traitement', 'créé le', 'date de mise en œuvre', 'created', 'created on', 'date created', 'creation date'], 'JJ/MM/AAAA', 'DD/MM/YYYY'),
  f('updatedAt', 'Date de mise à jour', 'Updated on', 'date', ['date de mise à jour', 'dernière mise à jour', 'dernière mise à jour de la fiche', 'mise à jour', 'mise à jour du traitement', 'modifié le', 'updated', 'last updated', 'updated on', 'date updated', 'last update'], 'JJ/MM/AAAA', 'DD/MM/YYYY'),
  // The processor register (Art. 30(2)): the client controllers, the processing done on their behalf, sub-processors.
  f('clients', 'Client (responsable de traitement)', 'Client controller', 'list', ['client', 'clients', 'responsable de traitement client', 'donneur d’ordre', 'client controller', 'controller on whose behalf', 'customer controller', 'name of the controller'], '', ''),
  f('clientProcessing', 'Traitements effectués pour le client', 'Processing carried out on behalf', 'list', ['catégories de traitements effectués pour le compte', 'traitements effectués pour le compte du client', 'processing carried out on behalf', 'categories of processing carried out on behalf of each controller', 'processing on behalf'], '', ''),
  f('processors', 'Sous-traitants', 'Processors', 'list', ['sous-traitants', 'sous-traitant', 'sous-traitants ultérieurs', 'prestataires', 'processors', 'sub-processors', 'subprocessors', 'vendors', 'suppliers', 'third-party providers'], '', ''),
];

/**
 * The words that say a header is about a field, beyond its labels and synonyms: French, English and
 * German stems (a word of a header matches a stem it starts with: "conserv" ← "conservation",
 * "conservées"), and short phrases ("how long", "hors ue"). A leading "~" marks a weak word that
 * only helps ("données" says little on its own). Header understanding scores the words of a header
 * against every field's vocabulary (see mapping.ts): a class of phrasings, not a list of headers.
 */
export const KEYWORDS: Record<string, string[]> = {
  ref: ['ref', 'reference', 'identifiant', 'numero', 'num', 'id', 'code', 'nr', 'nummer', 'kennung', '~no', '~fiche'],
  name: ['nom', 'intitul', 'libell', 'appellation', 'designation', 'titre', 'name', 'title', 'bezeichnung', 'verarbeitungstatigkeit', '~traitement', '~activit', '~processing', '~process', '~verarbeitung', '~operation'],
  purpose: ['finalit', 'objectif', 'objet', 'pourquoi', 'purpose', 'aim', 'goal', 'why', 'reason', 'zweck', 'ziel', 'usage', 'utilisation', 'use of', 'used for', 'sert', '~but'],
  subPurposes: ['sous finalit', 'secondary purpose', 'other purpose', 'finalites secondaires', 'nebenzweck'],
  role: ['role', 'qualite', 'capacity', 'rolle', 'controller or processor', 'responsable ou sous traitant'],
  status: ['statut', 'etat', 'status', 'state', 'stage'],
  department: ['service', 'direction', 'departement', 'department', 'pole', 'entite', 'unit', 'team', 'equipe', 'division', 'abteilung', 'bereich', 'business unit', '~business', 'metier', 'branche', 'organisationseinheit', '~fonction', '~function'],
  owner: ['owner', 'proprietaire', 'referent', 'pilote', 'responsable operationnel', 'responsable metier', 'responsable du service', 'contact', 'verantwortlich', 'ansprechpartner', 'accountable', 'e mail', 'email', 'courriel', 'mail', '~responsable', '~person'],
  description: ['description', 'descriptif', 'comment', 'remarque', 'observation', 'note', 'detail', 'beschreibung', 'bemerkung', 'summary', 'resume', 'context'],
  legalBases: ['base legal', 'bases legal', 'base juridique', 'fondement', 'licit', 'lawful', 'legal basis', 'legal ground', 'rechtsgrundlage', 'rechtmassig', 'article 6', 'art 6', 'legal', 'juridique', 'lawfulness', '~base', '~basis'],
  legalBasisJustification: ['justification', 'justif', 'interet legitime', 'legitimate interest', 'texte', 'precision base', 'begrundung', 'reference legal', 'legal reference'],
  art9Conditions: ['article 9', 'art 9', 'exception', 'derogation article 9', 'condition'],
  criminalDataBasis: ['article 10', 'art 10', 'penal', 'criminal', 'infraction', 'condamnation', 'offence'],
  dataSubjects: ['personnes concernees', 'concern', 'population', 'subject', 'individual', 'betroffen', 'people', 'persons', 'personnes', 'beneficiaire', 'usager', 'public', 'whose data', 'sur qui', 'portent sur', 'about whom', 'about', 'sujet', 'relates to', '~who', '~qui', '~categorie de personnes', '~person'],
  dataCategories: ['donnee', 'data', 'information', 'daten', 'datenkategori', '~champs', '~fields', 'quelles donnees', 'what data', 'which data', 'personal data', 'donnees personnelles', 'data items', 'data elements', '~categori', '~type'],
  specialCategories: ['sensible', 'sensitive', 'particuliere', 'special categor', 'special data', 'article 9 data', 'besondere', 'sante', 'health'],
  hasSpecialData: ['sensible oui non', 'sensitive yes no', 'contient des donnees sensibles', 'contains sensitive'],
  dataSources: ['source', 'origine', 'provenance', 'collect', 'obtained', 'herkunft', 'quelle', 'where from', 'vienn', 'vient', 'provien', 'come from', 'comes from', 'collecte aupres'],
  recipients: ['destinatair', 'recipient', 'acces', 'access', 'partag', 'shared', 'share', 'disclos', 'communiqu', 'transmi', 'empfanger', 'who sees', 'qui voit', 'qui a acces', 'who has access', 'qui consulte', 'sent to', 'envoye'],
  recipientType: ['type de destinataire', 'recipient type', 'type of recipient', 'art des empfangers'],
  transferCountries: ['pays', 'country', 'countries', 'transfer', 'transfert', 'hors ue', 'hors union', 'outside the eu', 'outside eu', 'non eu', 'third countr', 'pays tiers', 'international', 'land', 'lander', 'drittland', 'ubermittlung', 'abroad', 'etranger', 'destination', 'localisation des donnees', 'location of data', '~lieu', '~location', '~localisation', '~hebergement', '~hosting', '~hosted', '~where'],
  transferRecipients: ['destinataire du transfert', 'importer', 'importateur', 'transfer recipient'],
  transferSafeguard: ['garantie', 'safeguard', 'mechanism', 'mecanisme', 'encadrement', 'scc', 'cct', 'clauses contractuelles', 'standard contractual', 'bcr', 'garantien', 'schutz', 'adequacy', 'adequation'],
  transferDocumentation: ['documentation', 'lien', 'link', 'dokumentation'],
  retention: ['conserv', 'retention', 'retain', 'duree', 'delai', 'garde', 'keep', 'kept', 'stored', 'storage', 'how long', 'combien de temps', 'archiv', 'erasure', 'deletion', 'suppression', 'purge', 'aufbewahr', 'speicherdauer', 'loschfrist', 'loschung', 'period', '~temps', '~time', '~duration'],
  securityMeasures: ['securit', 'security', 'protection', 'mesure', 'measure', 'tom', 'toms', 'safeguarding', 'chiffr', 'encrypt', 'sicherheit', 'massnahm', 'controle d acces', 'access control', 'proteg', 'protect', 'secur'],
  securityNotes: ['precisions securite', 'security notes', 'security details'],
  jointControllers: ['conjoint', 'co responsable', 'joint', 'gemeinsam'],
  systems: ['logiciel', 'outil', 'application', 'appli', 'systeme', 'system', 'software', 'tool', 'app', 'plateforme', 'platform', 'saas', 'solution', 'programme', 'anwendung', 'werkzeug', 'it', 'si', '~support', '~hebergement', '~hosting'],
  dpiaStatus: ['aipd', 'pia', 'dpia', 'analyse d impact', 'impact assessment', 'dsfa', 'folgenabschatzung'],
  dpiaLink: ['lien aipd', 'dpia link', 'link to dpia'],
  automatedDecision: ['decision automatis', 'automated decision', 'profilage', 'profiling', 'automatisiert', 'scoring'],
  automatedDecisionDescription: ['logique', 'logic', 'precisions decision'],
  rights: ['droit', 'rights', 'right', 'exercice', 'rechte', 'betroffenenrechte'],
  consentRecords: ['preuve du consentement', 'consent record', 'consent evidence', 'recueil du consentement'],
  breaches: ['violation', 'breach', 'incident', 'datenpanne'],
  lastReviewedAt: ['revue', 'review', 'revision', 'verifie', 'checked', 'uberpruf', '~date', '~le'],
  createdAt: ['creation', 'cree', 'created', 'mise en oeuvre', 'erstellt', 'since', 'depuis', '~date'],
  updatedAt: ['mise a jour', 'maj', 'modifi', 'updated', 'update', 'changed', 'aktualisiert', 'geandert', '~date'],
  clients: ['client', 'customer', 'donneur d ordre', 'mandant', 'auftraggeber', 'on whose behalf', 'pour le compte de qui', 'controller', 'responsable de traitement'],
  clientProcessing: ['pour le compte', 'compte', 'behalf', 'on behalf', '~processing', '~traitement', '~done', '~carried', '~performed', '~effectu', '~realis', 'im auftrag', 'prestation', 'services provided', 'service rendu', 'processing carried out', 'traitements effectues', '~service'],
  processors: ['sous traitant', 'processor', 'subprocessor', 'sub processor', 'prestataire', 'vendor', 'supplier', 'fournisseur', 'provider', 'contractor', 'third part', 'tiers', 'auftragsverarbeiter', 'dienstleister', 'unterauftrag'],
};

export const FIELD_BY_KEY = new Map(FIELDS.map((d) => [d.key, d]));
export type FieldKey = (typeof FIELDS)[number]['key'];
