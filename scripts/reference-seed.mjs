// Generates migrations/0001_reference_data.sql: the vocabularies and the country table, with
// French and English names from ICU. Run once when the seed changes; the migration is frozen
// afterwards (a later change goes in a new migration).
import fs from 'node:fs';

const q = (s) => (s == null ? 'NULL' : `'${String(s).replace(/'/g, "''")}'`);
const vocab = [];
const add = (kind, rows) => rows.forEach(([code, fr, en, article = '', extra = {}], i) => vocab.push({ kind, code, fr, en, article, sort: i, ...extra }));

add('legal_basis', [
  ['consent', 'Consentement', 'Consent', 'Art. 6(1)(a)'],
  ['contract', 'Exécution d’un contrat ou de mesures précontractuelles', 'Performance of a contract or pre-contractual steps', 'Art. 6(1)(b)'],
  ['legal_obligation', 'Obligation légale', 'Legal obligation', 'Art. 6(1)(c)'],
  ['vital_interests', 'Sauvegarde des intérêts vitaux', 'Vital interests', 'Art. 6(1)(d)'],
  ['public_task', 'Mission d’intérêt public ou exercice de l’autorité publique', 'Public task or official authority', 'Art. 6(1)(e)'],
  ['legitimate_interests', 'Intérêt légitime', 'Legitimate interests', 'Art. 6(1)(f)'],
  ['to_be_determined', 'À déterminer', 'To be determined', ''],
]);
add('art9_condition', [
  ['explicit_consent', 'Consentement explicite', 'Explicit consent', 'Art. 9(2)(a)'],
  ['employment_social_security', 'Droit du travail, de la sécurité sociale et de la protection sociale', 'Employment, social security and social protection law', 'Art. 9(2)(b)'],
  ['vital_interests', 'Sauvegarde des intérêts vitaux (personne hors d’état de consentir)', 'Vital interests where consent is impossible', 'Art. 9(2)(c)'],
  ['not_for_profit_body', 'Organisme à but non lucratif (membres)', 'Not-for-profit body (members)', 'Art. 9(2)(d)'],
  ['made_public', 'Données manifestement rendues publiques par la personne', 'Manifestly made public by the data subject', 'Art. 9(2)(e)'],
  ['legal_claims', 'Constatation, exercice ou défense de droits en justice', 'Legal claims or courts', 'Art. 9(2)(f)'],
  ['substantial_public_interest', 'Motif d’intérêt public important', 'Substantial public interest', 'Art. 9(2)(g)'],
  ['health_social_care', 'Médecine préventive ou du travail, soins, protection sociale', 'Preventive or occupational medicine, health or social care', 'Art. 9(2)(h)'],
  ['public_health', 'Intérêt public dans le domaine de la santé publique', 'Public health', 'Art. 9(2)(i)'],
  ['archiving_research_statistics', 'Archivage, recherche scientifique ou historique, statistiques', 'Archiving, research or statistics (Art. 89(1))', 'Art. 9(2)(j)'],
]);
add('data_category', [
  ['identity', 'État civil, identité, données d’identification, images', 'Identity, identification data, images'],
  ['personal_life', 'Vie personnelle (habitudes de vie, situation familiale, etc.)', 'Personal life (lifestyle, family situation, etc.)'],
  [
    'professional_life',
    'Vie professionnelle (CV, scolarité, formation professionnelle, distinctions, diplômes, etc.)',
    'Professional life (CV, education, training, awards, diplomas, etc.)',
  ],
  [
    'economic_financial',
    'Informations d’ordre économique et financier (revenus, situation financière, situation fiscale, etc.)',
    'Economic and financial information (income, financial and tax situation, etc.)',
  ],
  [
    'connection',
    'Données de connexion (adresse IP, logs, identifiants des terminaux, horodatage, etc.)',
    'Connection data (IP address, logs, device identifiers, timestamps, etc.)',
  ],
  ['location', 'Données de localisation (déplacements, données GPS, GSM, etc.)', 'Location data (movements, GPS, GSM, etc.)'],
  ['internet', 'Internet (cookies, traceurs, données de navigation, mesures d’audience, etc.)', 'Internet (cookies, trackers, browsing data, audience measurement, etc.)'],
  ['nir', 'Numéro de Sécurité Sociale (ou NIR)', 'French social security number (NIR)', 'Loi Informatique et Libertés, art. 30'],
  ['racial_ethnic_origin', 'Origine raciale ou ethnique', 'Racial or ethnic origin', 'Art. 9(1)', { special: 1 }],
  ['political_opinions', 'Opinions politiques', 'Political opinions', 'Art. 9(1)', { special: 1 }],
  ['religious_beliefs', 'Convictions religieuses ou philosophiques', 'Religious or philosophical beliefs', 'Art. 9(1)', { special: 1 }],
  ['trade_union', 'Appartenance syndicale', 'Trade union membership', 'Art. 9(1)', { special: 1 }],
  ['genetic', 'Données génétiques', 'Genetic data', 'Art. 9(1)', { special: 1 }],
  [
    'biometric',
    'Données biométriques aux fins d’identifier une personne physique de manière unique',
    'Biometric data for the purpose of uniquely identifying a person',
    'Art. 9(1)',
    { special: 1 },
  ],
  ['health', 'Données concernant la santé', 'Health data', 'Art. 9(1)', { special: 1 }],
  ['sex_life', 'Données concernant la vie sexuelle ou l’orientation sexuelle', 'Sex life or sexual orientation', 'Art. 9(1)', { special: 1 }],
  ['criminal', 'Données relatives à des condamnations pénales ou infractions', 'Criminal convictions and offences', 'Art. 10', { special: 1 }],
]);
add('data_subject_category', [
  ['employees', 'Salariés', 'Employees'],
  ['internal_departments', 'Services internes', 'Internal departments'],
  ['customers', 'Clients', 'Customers'],
  ['suppliers', 'Fournisseurs', 'Suppliers'],
  ['service_providers', 'Prestataires', 'Service providers'],
  ['prospects', 'Prospects', 'Prospects'],
  ['job_applicants', 'Candidats', 'Job applicants'],
  ['users', 'Utilisateurs d’un site ou d’une application', 'Website or app users'],
  ['visitors', 'Visiteurs', 'Visitors'],
  ['students', 'Élèves, étudiants', 'Students'],
  ['patients', 'Patients', 'Patients'],
  ['minors', 'Mineurs', 'Minors'],
  ['citizens', 'Usagers, administrés', 'Citizens, public service users'],
  ['elected_officials', 'Élus', 'Elected officials'],
  ['other', 'Autres (préciser)', 'Other (specify)'],
]);
add('recipient_type', [
  ['internal', 'Service interne qui traite les données', 'Internal department'],
  ['processor', 'Sous-traitant', 'Processor', 'Art. 28'],
  ['sub_processor', 'Sous-traitant ultérieur', 'Sub-processor', 'Art. 28(2)'],
  ['joint_controller', 'Responsable conjoint', 'Joint controller', 'Art. 26'],
  ['third_party_controller', 'Responsable de traitement tiers', 'Independent third-party controller'],
  ['public_authority', 'Autorité publique', 'Public authority'],
  ['partner', 'Partenaire institutionnel ou commercial', 'Institutional or commercial partner'],
  ['third_country_recipient', 'Destinataire dans un pays tiers ou organisation internationale', 'Recipient in a third country or international organisation'],
  ['other', 'Autre', 'Other'],
]);
add('security_measure_type', [
  ['traceability', 'Mesures de traçabilité', 'Logging and traceability'],
  ['software_protection', 'Mesures de protection des logiciels', 'Software protection (updates, antivirus)'],
  ['backup', 'Sauvegarde des données', 'Data backups'],
  ['encryption', 'Chiffrement des données', 'Encryption'],
  ['access_control', 'Contrôle d’accès des utilisateurs', 'User access control'],
  ['processor_oversight', 'Contrôle des sous-traitants', 'Processor oversight'],
  ['other', 'Autres mesures (à préciser)', 'Other measures (specify)'],
]);
add('transfer_safeguard', [
  ['adequacy', 'Pays adéquat', 'Adequacy decision', 'Art. 45'],
  ['scc', 'Clauses contractuelles types (CCT)', 'Standard contractual clauses (SCC)', 'Art. 46(2)(c), décision (UE) 2021/914'],
  ['bcr', 'Règles d’entreprise contraignantes (BCR)', 'Binding corporate rules (BCR)', 'Art. 47'],
  ['code_of_conduct', 'Code de conduite', 'Code of conduct', 'Art. 46(2)(e)'],
  ['certification', 'Certification', 'Certification', 'Art. 46(2)(f)'],
  ['public_authority_instrument', 'Instrument juridique entre autorités publiques', 'Instrument between public authorities', 'Art. 46(2)(a)'],
  ['ad_hoc_clauses', 'Clauses ad hoc autorisées par l’autorité de contrôle', 'Ad hoc clauses authorised by the supervisory authority', 'Art. 46(3)'],
  ['derogation', 'Dérogations (art. 49)', 'Derogations (Art. 49)', 'Art. 49'],
  ['privacy_shield_legacy', 'Privacy Shield (invalidé le 16 juillet 2020)', 'Privacy Shield (invalidated 16 July 2020)', 'CJUE C-311/18', { legacy: 1 }],
]);
add('art49_derogation', [
  ['explicit_consent', 'Consentement explicite de la personne', 'Explicit consent of the data subject', 'Art. 49(1)(a)'],
  ['contract_with_data_subject', 'Exécution d’un contrat avec la personne', 'Contract with the data subject', 'Art. 49(1)(b)'],
  ['contract_in_interest_of_data_subject', 'Contrat conclu dans l’intérêt de la personne', 'Contract in the interest of the data subject', 'Art. 49(1)(c)'],
  ['public_interest', 'Motifs importants d’intérêt public', 'Important reasons of public interest', 'Art. 49(1)(d)'],
  ['legal_claims', 'Constatation, exercice ou défense de droits en justice', 'Legal claims', 'Art. 49(1)(e)'],
  ['vital_interests', 'Sauvegarde des intérêts vitaux', 'Vital interests', 'Art. 49(1)(f)'],
  ['public_register', 'Registre public', 'Public register', 'Art. 49(1)(g)'],
  [
    'compelling_legitimate_interests',
    'Intérêts légitimes impérieux (transfert non répétitif, garanties documentées, autorité informée)',
    'Compelling legitimate interests (non-repetitive, safeguards documented, authority informed)',
    'Art. 49(1), 2nd subparagraph',
  ],
]);
add('dpia_criterion', [
  ['evaluation_scoring', 'Évaluation ou notation (y compris le profilage)', 'Evaluation or scoring (incl. profiling)'],
  ['automated_decision', 'Décision automatisée avec effet juridique ou similaire', 'Automated decision with legal or similar effect'],
  ['systematic_monitoring', 'Surveillance systématique', 'Systematic monitoring'],
  ['sensitive_data', 'Données sensibles ou à caractère hautement personnel', 'Sensitive or highly personal data'],
  ['large_scale', 'Traitement à grande échelle', 'Large-scale processing'],
  ['matching_datasets', 'Croisement ou combinaison d’ensembles de données', 'Matching or combining datasets'],
  ['vulnerable_subjects', 'Personnes vulnérables (salariés, enfants, patients…)', 'Vulnerable data subjects (employees, children, patients…)'],
  ['innovative_technology', 'Usage innovant ou nouvelle technologie', 'Innovative use or new technology'],
  ['prevents_right_or_service', 'Exclusion du bénéfice d’un droit, d’un service ou d’un contrat', 'Prevents exercising a right or using a service or contract'],
]);
add('art35_case', [
  [
    'systematic_extensive_evaluation',
    'Évaluation systématique et approfondie avec effets juridiques',
    'Systematic and extensive automated evaluation with legal or similar effects',
    'Art. 35(3)(a)',
  ],
  ['large_scale_special_categories', 'Traitement à grande échelle de données sensibles ou pénales', 'Large-scale special-category or criminal data', 'Art. 35(3)(b)'],
  [
    'public_area_monitoring',
    'Surveillance systématique à grande échelle d’une zone accessible au public',
    'Systematic large-scale monitoring of a publicly accessible area',
    'Art. 35(3)(c)',
  ],
]);

const NON_ISO = new Set('AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB XK YD YU ZR ZZ'.split(' '));
const EEA = new Set('AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '));
// Adequacy decisions in force (reference §4). Editable data: the DPO updates them in the app.
const ADEQUACY = {
  AD: ['adequate', '2010-10-19', '', ''],
  AR: ['adequate', '2003-06-30', '', ''],
  CA: ['partial', '2001-12-20', 'Organisations commerciales soumises à la PIPEDA uniquement', 'Commercial organisations subject to PIPEDA only'],
  FO: ['adequate', '2010-03-05', '', ''],
  GG: ['adequate', '2003-11-21', '', ''],
  IL: ['adequate', '2011-01-31', '', ''],
  IM: ['adequate', '2004-04-28', '', ''],
  JP: ['adequate', '2019-01-23', '', ''],
  JE: ['adequate', '2008-05-08', '', ''],
  NZ: ['adequate', '2012-12-19', '', ''],
  KR: ['adequate', '2021-12-17', '', ''],
  CH: ['adequate', '2000-07-26', '', ''],
  GB: ['adequate', '2025-12-19', 'Décision renouvelée en décembre 2025, jusqu’en décembre 2031', 'Renewed in December 2025, until December 2031'],
  UY: ['adequate', '2012-08-21', '', ''],
  US: ['partial', '2023-07-10', 'Organisations certifiées Data Privacy Framework (DPF) uniquement', 'EU-US Data Privacy Framework certified organisations only'],
  BR: ['pending', '', 'Décision annoncée début 2026 : à confirmer par le DPO', 'Decision reported adopted in early 2026: to be confirmed by the DPO'],
};

const fr = new Intl.DisplayNames(['fr'], { type: 'region', fallback: 'none' });
const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const countries = [];
const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
for (const a of A)
  for (const b of A) {
    const code = a + b;
    const nameEn = en.of(code);
    if (!nameEn || nameEn === code || NON_ISO.has(code)) continue;
    countries.push({ code, nameFr: fr.of(code), nameEn });
  }
if (countries.length !== 249) throw new Error(`expected 249 ISO 3166-1 countries, got ${countries.length}`);

let sql =
  '-- Reference data: Art30 vocabularies (CNIL wording) and ISO 3166-1 countries with EEA membership\n-- and adequacy status. Generated by scripts/reference-seed.mjs; edit the data in the app, not here.\n';
for (const v of vocab) {
  sql += `INSERT INTO vocabulary (kind, code, label_fr, label_en, article, legacy, special, custom, sort) VALUES (${q(v.kind)}, ${q(v.code)}, ${q(v.fr)}, ${q(v.en)}, ${q(v.article)}, ${v.legacy ?? 0}, ${v.special ?? 0}, 0, ${v.sort});\n--> statement-breakpoint\n`;
}
for (const c of countries) {
  const eea = EEA.has(c.code);
  const [adequacy, date, scopeFr, scopeEn] = eea ? ['eea', '', '', ''] : (ADEQUACY[c.code] ?? ['none', '', '', '']);
  sql += `INSERT INTO countries (code, name_fr, name_en, eea, adequacy, adequacy_decision_date, adequacy_scope_fr, adequacy_scope_en) VALUES (${q(c.code)}, ${q(c.nameFr)}, ${q(c.nameEn)}, ${eea ? 1 : 0}, ${q(adequacy)}, ${q(date)}, ${q(scopeFr)}, ${q(scopeEn)});\n--> statement-breakpoint\n`;
}
fs.writeFileSync(new URL('../migrations/0001_reference_data.sql', import.meta.url), sql.replace(/\n--> statement-breakpoint\n$/, '\n'));
console.log(`${vocab.length} vocabulary terms, ${countries.length} countries`);
