// Generates core/reference/data/reference-<asOf>.json, the dated reference data set, from the seed of
// migrations/0001 plus the corrections of this data set. Run once when preparing a new data set; the
// JSON file is then the source of truth (reviewed by hand, loaded with `art30 reference update FILE`).
import fs from 'node:fs';
import Database from 'better-sqlite3';

const AS_OF = '2026-11-28';
const db = new Database(':memory:');
for (const f of ['0000_register.sql', '0001_reference_data.sql']) {
  for (const stmt of fs.readFileSync(new URL(`../migrations/${f}`, import.meta.url), 'utf8').split('--> statement-breakpoint')) if (stmt.trim()) db.exec(stmt);
}
const vocabularies = db
  .prepare('SELECT kind, code, label_fr AS labelFr, label_en AS labelEn, article, legacy, special, sort FROM vocabulary ORDER BY kind, sort, code')
  .all()
  .map((v) => ({ ...v, legacy: v.legacy === 1, special: v.special === 1 }));
const countries = db
  .prepare(
    'SELECT code, name_fr AS nameFr, name_en AS nameEn, eea, adequacy, adequacy_decision_date AS adequacyDecisionDate, adequacy_scope_fr AS adequacyScopeFr, adequacy_scope_en AS adequacyScopeEn FROM countries ORDER BY code',
  )
  .all()
  .map((c) => ({ ...c, eea: c.eea === 1 }));
const country = (code) => countries.find((c) => c.code === code);
const set = (code, v) => Object.assign(country(code), v);

// EU territory (TFEU Art. 355(1) outermost regions, Art. 355(4) Åland): no transfer.
for (const [code, art] of [
  ['GP', '355(1)'],
  ['MQ', '355(1)'],
  ['GF', '355(1)'],
  ['RE', '355(1)'],
  ['YT', '355(1)'],
  ['MF', '355(1)'],
  ['AX', '355(4)'],
]) {
  set(code, {
    eea: true,
    adequacy: 'eea',
    adequacyDecisionDate: '',
    adequacyScopeFr: `Territoire de l’Union européenne (art. ${art} TFUE) : pas de transfert`,
    adequacyScopeEn: `EU territory (TFEU Art. ${art}): no transfer`,
  });
}
set('BR', {
  adequacy: 'adequate',
  adequacyDecisionDate: '2026-01-26',
  adequacyScopeFr: 'Décision d’exécution (UE) 2026/179 : organisations soumises à la LGPD',
  adequacyScopeEn: 'Implementing Decision (EU) 2026/179: organisations subject to the LGPD',
});
set('JP', {
  adequacy: 'adequate',
  adequacyScopeFr: 'Opérateurs soumis à l’APPI, avec les Règles complémentaires (décision (UE) 2019/419)',
  adequacyScopeEn: 'Business operators subject to the APPI, with the Supplementary Rules (Decision (EU) 2019/419)',
});
set('KR', {
  adequacy: 'adequate',
  adequacyScopeFr: 'Organismes soumis à la PIPA, avec les Règles complémentaires (décision (UE) 2022/254)',
  adequacyScopeEn: 'Organisations subject to PIPA, with the Supplementary Rules (Decision (EU) 2022/254)',
});
set('IL', {
  adequacy: 'adequate',
  adequacyScopeFr: 'Traitements automatisés (décision 2011/61/UE), confirmée par la revue de la Commission du 15 janvier 2024',
  adequacyScopeEn: 'Automated processing (Decision 2011/61/EU), confirmed by the Commission review of 15 January 2024',
});
set('CA', {
  adequacyScopeFr: 'Organisations commerciales soumises à la PIPEDA uniquement (décision 2002/2/CE)',
  adequacyScopeEn: 'Commercial organisations subject to PIPEDA only (Decision 2002/2/EC)',
});
set('GB', { adequacyScopeFr: 'Décision renouvelée le 19 décembre 2025, jusqu’au 27 décembre 2031', adequacyScopeEn: 'Renewed on 19 December 2025, until 27 December 2031' });
set('US', {
  adequacy: 'partial',
  adequacyDecisionDate: '2023-07-10',
  adequacyScopeFr:
    'Organisations certifiées Data Privacy Framework (DPF) uniquement (décision du 10 juillet 2023). Recours rejeté par le Tribunal de l’UE le 3 septembre 2025 (T-553/23, Latombe) ; pourvoi C-703/25 P pendant.',
  adequacyScopeEn:
    'EU-US Data Privacy Framework certified organisations only (decision of 10 July 2023). Action dismissed by the General Court on 3 September 2025 (T-553/23, Latombe); appeal C-703/25 P pending.',
});

const term = (kind, code) => vocabularies.find((v) => v.kind === kind && v.code === code);
term('transfer_safeguard', 'ad_hoc_clauses').article = 'Art. 46(3)(a)';
const addTerms = (kind, rows, from = 0) =>
  rows.forEach(([code, labelFr, labelEn, article = ''], i) => vocabularies.push({ kind, code, labelFr, labelEn, article, legacy: false, special: false, sort: from + i }));
const derogationSort = term('transfer_safeguard', 'derogation').sort;
addTerms(
  'transfer_safeguard',
  [
    ['sa_scc', 'Clauses types de protection adoptées par une autorité de contrôle', 'Standard data protection clauses adopted by a supervisory authority', 'Art. 46(2)(d)'],
    [
      'administrative_arrangement',
      'Arrangement administratif entre autorités ou organismes publics',
      'Administrative arrangement between public authorities or bodies',
      'Art. 46(3)(b)',
    ],
  ],
  derogationSort * 10 + 1,
);
for (const v of vocabularies) if (v.kind === 'transfer_safeguard') v.sort = v.code === 'sa_scc' ? 15 : v.code === 'administrative_arrangement' ? 65 : v.sort * 10;
addTerms('retention_final_fate', [
  ['delete', 'Suppression', 'Deletion'],
  ['anonymise', 'Anonymisation', 'Anonymisation'],
  ['archive', 'Archivage définitif', 'Permanent archiving'],
  ['sort', 'Tri (sélection avec les archives publiques)', 'Sorting (selection with the public archives)', 'Code du patrimoine, art. L212-2 et s.'],
  ['deposit', 'Versement aux archives publiques', 'Deposit in the public archives', 'Code du patrimoine, art. L212-4'],
]);
const R327 = 'CNIL, délibération n° 2018-327 du 11 octobre 2018';
addTerms('dpia_cnil_required', [
  [
    'health_establishments',
    'Données de santé traitées par les établissements de santé ou médico-sociaux pour la prise en charge des personnes',
    'Health data processed by health or medico-social establishments to care for people',
    R327,
  ],
  [
    'genetic_vulnerable',
    'Données génétiques de personnes « vulnérables » (patients, employés, enfants…)',
    'Genetic data of vulnerable persons (patients, employees, children…)',
    R327,
  ],
  ['hr_profiling', 'Profils de personnes à des fins de gestion des ressources humaines', 'Profiling of people for human-resources management', R327],
  ['employee_monitoring', 'Surveillance constante de l’activité des employés', 'Constant monitoring of employees’ activity', R327],
  ['alerts_social_health', 'Gestion des alertes et signalements en matière sociale et sanitaire', 'Handling of alerts and reports on social and health matters', R327],
  ['whistleblowing', 'Gestion des alertes et signalements en matière professionnelle', 'Handling of professional alerts and whistleblowing reports', R327],
  ['health_data_warehouse', 'Données de santé pour constituer un entrepôt de données ou un registre', 'Health data to build a data warehouse or a registry', R327],
  [
    'profiling_contract_exclusion',
    'Profilage pouvant aboutir à l’exclusion du bénéfice d’un contrat, ou à sa suspension ou rupture',
    'Profiling that can lead to exclusion from, suspension or termination of a contract',
    R327,
  ],
  [
    'pooled_contract_breaches',
    'Traitements mutualisés de manquements contractuels pouvant aboutir à une exclusion ou suspension',
    'Pooled records of contractual breaches that can lead to exclusion or suspension',
    R327,
  ],
  ['profiling_external_sources', 'Profilage faisant appel à des données provenant de sources externes', 'Profiling that uses data from external sources', R327],
  [
    'biometric_vulnerable',
    'Données biométriques pour reconnaître des personnes parmi lesquelles des personnes « vulnérables »',
    'Biometric recognition of people including vulnerable persons',
    R327,
  ],
  ['social_housing', 'Instruction des demandes et gestion des logements sociaux', 'Processing of applications for and management of social housing', R327],
  ['social_support', 'Accompagnement social ou médico-social des personnes', 'Social or medico-social support of people', R327],
  ['large_scale_location', 'Données de localisation à large échelle', 'Large-scale location data', R327],
]);
const R118 = 'CNIL, délibération n° 2019-118 du 12 septembre 2019';
addTerms('dpia_cnil_exempted', [
  [
    'hr_small_organisations',
    'Gestion des ressources humaines (paie, gestion administrative) d’organismes de moins de 250 salariés, hors profilage',
    'Human-resources management (payroll, administration) by organisations with fewer than 250 employees, without profiling',
    R118,
  ],
  ['supplier_relations', 'Gestion des relations avec les fournisseurs', 'Management of supplier relations', R118],
  [
    'association_members',
    'Gestion des membres et donateurs d’associations, fondations et congrégations (activité habituelle)',
    'Members and donors of associations, foundations and congregations (usual activity)',
    R118,
  ],
  [
    'individual_health_practice',
    'Données de santé pour la prise en charge d’un patient par un professionnel exerçant à titre individuel',
    'Health data for patient care by an individual health professional',
    R118,
  ],
  ['lawyers', 'Activité professionnelle des avocats exerçant à titre individuel', 'Professional activity of lawyers practising individually', R118],
  ['court_clerks', 'Activité professionnelle des greffiers des tribunaux de commerce', 'Professional activity of commercial court clerks', R118],
  ['notaries', 'Activité professionnelle des notaires', 'Professional activity of notaries', R118],
  [
    'access_control_working_time',
    'Contrôle d’accès physique et gestion des horaires pour le temps de travail, hors biométrie',
    'Physical access control and working-time management, without biometrics',
    R118,
  ],
  ['breathalyser_transport', 'Éthylotests dans le cadre strict du transport de personnes', 'Breathalyser tests strictly within passenger transport', R118],
]);

const io = (code, nameFr, nameEn, acronymFr, acronymEn, aliases = [], adequacy = ['none', '', '', '']) => ({
  code: `IO-${code}`,
  nameFr,
  nameEn,
  acronymFr,
  acronymEn,
  aliases,
  adequacy: adequacy[0],
  adequacyDecisionDate: adequacy[1],
  adequacyScopeFr: adequacy[2],
  adequacyScopeEn: adequacy[3],
});
const organisations = [
  io(
    'EPO',
    'Organisation européenne des brevets (Office européen des brevets)',
    'European Patent Organisation (European Patent Office)',
    'OEB',
    'EPO',
    ['Office européen des brevets', 'European Patent Office', 'Organisation européenne des brevets', 'European Patent Organisation', 'European Patent Organization', 'EPOrg'],
    [
      'adequate',
      '2025-07-15',
      'Décision d’adéquation du 15 juillet 2025 (première décision pour une organisation internationale)',
      'Adequacy decision of 15 July 2025 (the first for an international organisation)',
    ],
  ),
  io('UN', 'Organisation des Nations unies', 'United Nations', 'ONU', 'UN', ['Nations unies', 'UNO', 'Nations Unies (ONU)', 'United Nations Organization']),
  io('WHO', 'Organisation mondiale de la santé', 'World Health Organization', 'OMS', 'WHO'),
  io('ILO', 'Organisation internationale du travail', 'International Labour Organization', 'OIT', 'ILO'),
  io('UNESCO', 'Organisation des Nations unies pour l’éducation, la science et la culture', 'United Nations Educational, Scientific and Cultural Organization', 'UNESCO', 'UNESCO'),
  io('UNICEF', 'Fonds des Nations unies pour l’enfance', 'United Nations Children’s Fund', 'UNICEF', 'UNICEF'),
  io('UNHCR', 'Haut-Commissariat des Nations unies pour les réfugiés', 'Office of the United Nations High Commissioner for Refugees', 'HCR', 'UNHCR', ['UNHCR', 'HCR']),
  io('UNDP', 'Programme des Nations unies pour le développement', 'United Nations Development Programme', 'PNUD', 'UNDP'),
  io('WFP', 'Programme alimentaire mondial', 'World Food Programme', 'PAM', 'WFP'),
  io('FAO', 'Organisation des Nations unies pour l’alimentation et l’agriculture', 'Food and Agriculture Organization of the United Nations', 'FAO', 'FAO'),
  io('IOM', 'Organisation internationale pour les migrations', 'International Organization for Migration', 'OIM', 'IOM'),
  io('WIPO', 'Organisation mondiale de la propriété intellectuelle', 'World Intellectual Property Organization', 'OMPI', 'WIPO'),
  io('WTO', 'Organisation mondiale du commerce', 'World Trade Organization', 'OMC', 'WTO'),
  io('IAEA', 'Agence internationale de l’énergie atomique', 'International Atomic Energy Agency', 'AIEA', 'IAEA'),
  io('ITU', 'Union internationale des télécommunications', 'International Telecommunication Union', 'UIT', 'ITU'),
  io('UPU', 'Union postale universelle', 'Universal Postal Union', 'UPU', 'UPU'),
  io('IMF', 'Fonds monétaire international', 'International Monetary Fund', 'FMI', 'IMF'),
  io('WB', 'Groupe de la Banque mondiale', 'World Bank Group', 'Banque mondiale', 'World Bank', ['BIRD', 'IBRD', 'Banque mondiale', 'World Bank']),
  io('BIS', 'Banque des règlements internationaux', 'Bank for International Settlements', 'BRI', 'BIS'),
  io('OECD', 'Organisation de coopération et de développement économiques', 'Organisation for Economic Co-operation and Development', 'OCDE', 'OECD', [
    'Organization for Economic Cooperation and Development',
  ]),
  io('COE', 'Conseil de l’Europe', 'Council of Europe', 'Conseil de l’Europe', 'CoE'),
  io('OSCE', 'Organisation pour la sécurité et la coopération en Europe', 'Organization for Security and Co-operation in Europe', 'OSCE', 'OSCE'),
  io('NATO', 'Organisation du traité de l’Atlantique nord', 'North Atlantic Treaty Organization', 'OTAN', 'NATO'),
  io('INTERPOL', 'Organisation internationale de police criminelle', 'International Criminal Police Organization', 'Interpol', 'INTERPOL', ['OIPC', 'ICPO']),
  io('ICRC', 'Comité international de la Croix-Rouge', 'International Committee of the Red Cross', 'CICR', 'ICRC'),
  io('ESA', 'Agence spatiale européenne', 'European Space Agency', 'ASE', 'ESA'),
  io(
    'EUMETSAT',
    'Organisation européenne pour l’exploitation des satellites météorologiques',
    'European Organisation for the Exploitation of Meteorological Satellites',
    'EUMETSAT',
    'EUMETSAT',
  ),
  io('CERN', 'Organisation européenne pour la recherche nucléaire', 'European Organization for Nuclear Research', 'CERN', 'CERN'),
  io('EMBL', 'Laboratoire européen de biologie moléculaire', 'European Molecular Biology Laboratory', 'EMBL', 'EMBL'),
  io('ESO', 'Observatoire européen austral', 'European Southern Observatory', 'ESO', 'ESO'),
  io('EFTA', 'Association européenne de libre-échange', 'European Free Trade Association', 'AELE', 'EFTA'),
  io('ECMWF', 'Centre européen pour les prévisions météorologiques à moyen terme', 'European Centre for Medium-Range Weather Forecasts', 'CEPMMT', 'ECMWF'),
  io('OIF', 'Organisation internationale de la Francophonie', 'International Organisation of La Francophonie', 'OIF', 'OIF'),
];

const dataset = {
  format: 'art30-reference',
  formatVersion: 1,
  asOf: AS_OF,
  title: { fr: `Données de référence Art30 au ${AS_OF}`, en: `Art30 reference data as of ${AS_OF}` },
  sources: [
    {
      title: 'Commission européenne, décisions d’adéquation / Adequacy decisions',
      url: 'https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en',
    },
    {
      title: 'Implementing Decision (EU) 2026/179 (Brazil, 26 Jan 2026)',
      titleFr: 'Décision d’exécution (UE) 2026/179 (Brésil, 26 janvier 2026)',
      url: 'https://eur-lex.europa.eu/',
    },
    {
      title: 'Adequacy decision for the European Patent Organisation (15 Jul 2025)',
      titleFr: 'Décision d’adéquation pour l’Organisation européenne des brevets (15 juillet 2025)',
      url: 'https://eur-lex.europa.eu/',
    },
    {
      title: 'General Court, T-553/23 Latombe v Commission (3 Sep 2025); appeal C-703/25 P',
      titleFr: 'Tribunal de l’UE, T-553/23 Latombe c. Commission (3 septembre 2025) ; pourvoi C-703/25 P',
      url: 'https://curia.europa.eu/',
    },
    {
      title: 'Commission report on the first review of 11 adequacy decisions, COM(2024) 7 (15 Jan 2024)',
      titleFr: 'Rapport de la Commission sur le premier réexamen de 11 décisions d’adéquation, COM(2024) 7 (15 janvier 2024)',
      url: 'https://eur-lex.europa.eu/',
    },
    { title: 'TFEU Art. 355 (outermost regions, Åland Islands)', titleFr: 'TFUE art. 355 (régions ultrapériphériques, îles Åland)', url: 'https://eur-lex.europa.eu/' },
    { title: 'CNIL, délibération n° 2018-327 (liste des traitements soumis à AIPD)', url: 'https://www.legifrance.gouv.fr/' },
    { title: 'CNIL, délibération n° 2019-118 (liste des traitements dispensés d’AIPD)', url: 'https://www.legifrance.gouv.fr/' },
    { title: 'CNIL, modèle de registre simplifié / RGPD Art. 30, 35, 36, 45-49', url: 'https://www.cnil.fr/' },
  ],
  countries,
  organisations,
  vocabularies,
};
fs.writeFileSync(new URL(`../core/reference/data/reference-${AS_OF}.json`, import.meta.url), `${JSON.stringify(dataset, null, 1)}\n`);
console.log(`${countries.length} countries, ${organisations.length} organisations, ${vocabularies.length} terms`);
