/**
 * A demo register for a fictional organisation whose activities use every field: controller,
 * joint-controller and processor activities, special categories, transfers to adequate and
 * non-adequate countries, several retention phases, DPIA screening with an override.
 */
import type { CallMeta, Register } from '../register.js';
import { AppError, text } from '../errors.js';
import type { ActivityInput, OrganisationInput, RecipientInput } from '../model/schemas.js';
import { createActivity } from '../services/activities.js';
import { createDemoRecords } from './demo-records.js';
import { createOrganisation, listOrganisations } from '../services/organisations.js';
import { createRecipient } from '../services/recipients.js';

export const DEMO_ORGANISATION = 'Atelier Lumière SAS';

const organisation: OrganisationInput = {
  name: DEMO_ORGANISATION,
  legalForm: 'SAS',
  registrationNumber: '812 345 678 00021',
  address: '12 rue des Lilas',
  postalCode: '69003',
  city: 'Lyon',
  country: 'France',
  phone: '+33 4 72 00 00 00',
  email: 'contact@atelier-lumiere.example',
  head: {
    name: 'Moreau',
    firstName: 'Claire',
    address: '12 rue des Lilas',
    postalCode: '69003',
    city: 'Lyon',
    country: 'France',
    phone: '+33 4 72 00 00 01',
    email: 'c.moreau@atelier-lumiere.example',
  },
  representative: {
    name: 'Keller',
    firstName: 'Jonas',
    company: 'EU Rep Services GmbH',
    address: 'Friedrichstraße 10',
    postalCode: '10117',
    city: 'Berlin',
    country: 'Allemagne',
    phone: '+49 30 0000 000',
    email: 'rep@eurep.example',
  },
  dpo: {
    name: 'Nguyen',
    firstName: 'Sophie',
    company: 'Conformité & Co',
    address: '5 place Bellecour',
    postalCode: '69002',
    city: 'Lyon',
    country: 'France',
    phone: '+33 4 78 00 00 00',
    email: 'dpo@conformite.example',
    cnilDesignationNumber: 'DPO-2019-012345',
  },
};

const recipients: RecipientInput[] = [
  { name: 'Service des ressources humaines', type: 'internal', countries: ['FR'] },
  { name: 'PaieFacile SAS', type: 'processor', countries: ['FR'], contractRef: 'DPA-2021-004', contractDate: '2021-03-15', contact: 'dpo@paiefacile.example' },
  { name: 'URSSAF', type: 'public_authority', countries: ['FR'] },
  {
    name: 'CloudCRM Inc.',
    type: 'processor',
    countries: ['US', 'IE'],
    contractRef: 'DPA-2023-017',
    contractDate: '2023-09-01',
    dpfCertified: true,
    contact: 'privacy@cloudcrm.example',
  },
  { name: 'TalentBridge Ltd', type: 'processor', countries: ['GB'], contractRef: 'DPA-2022-009', contractDate: '2022-06-20' },
  {
    name: 'MailReach Technologies Pvt Ltd',
    type: 'sub_processor',
    countries: ['IN'],
    contractRef: 'SCC-2024-002',
    contractDate: '2024-01-10',
    notes: 'SCC module 3 (processor to processor); transfer impact assessment on file.',
  },
  { name: 'Santé Travail Rhône', type: 'third_party_controller', countries: ['FR'] },
  { name: 'Musée des Confluences', type: 'joint_controller', countries: ['FR'] },
  { name: 'SecureVideo SARL', type: 'processor', countries: ['FR'], contractRef: 'DPA-2020-001', contractDate: '2020-02-01' },
  { name: 'BioAccess AG', type: 'processor', countries: ['CH'], contractRef: 'DPA-2024-011', contractDate: '2024-05-02' },
];

const stamps = (created: string, updated: string) => ({ createdAt: `${created}T09:00:00.000Z`, updatedAt: `${updated}T16:30:00.000Z` });

const activities: { input: ActivityInput; stamps: ReturnType<typeof stamps> }[] = [
  {
    stamps: stamps('2019-05-14', '2025-11-03'),
    input: {
      ref: 'T-001',
      name: 'Gestion de la paie',
      role: 'controller',
      status: 'active',
      department: 'Ressources humaines',
      owner: 'Directrice des ressources humaines',
      description: 'Calcul et versement des salaires, déclarations sociales nominatives.',
      purpose: 'Gestion de la paie et des déclarations sociales obligatoires',
      subPurposes: ['Calcul des salaires', 'Déclarations sociales nominatives (DSN)', 'Édition des bulletins de paie'],
      // Each purpose its basis (issue 25): 0 is the main purpose, n the n-th sub-purpose.
      legalBases: [
        { code: 'legal_obligation', justification: 'Code du travail, art. L3243-2 ; Code de la sécurité sociale' },
        { code: 'contract', justification: 'Contrat de travail', purpose: 1 },
        { code: 'legal_obligation', justification: 'Code de la sécurité sociale, art. L133-5-3 (DSN)', purpose: 2 },
        { code: 'legal_obligation', justification: 'Code du travail, art. L3243-2', purpose: 3 },
      ],
      dataSubjects: [{ code: 'employees', label: 'Salariés', precision: 'Salariés en CDI, CDD et alternants', volume: '250 personnes' }],
      dataCategories: [
        { code: 'identity', label: 'État civil, identité, données d’identification', description: 'Nom, prénom, adresse, date de naissance' },
        { code: 'professional_life', label: 'Vie professionnelle', description: 'Poste, ancienneté, temps de travail' },
        { code: 'economic_financial', label: 'Informations d’ordre économique et financier', description: 'Salaire, RIB, prélèvement à la source' },
        { code: 'nir', label: 'Numéro de Sécurité Sociale (NIR)', description: 'Pour les déclarations sociales uniquement' },
      ],
      dataSources: ['Le salarié lui-même', 'Logiciel de gestion des temps'],
      recipients: [
        { name: 'Service des ressources humaines', role: 'Gestion interne de la paie' },
        { name: 'PaieFacile SAS', role: 'Éditeur du logiciel de paie (sous-traitant)', precision: 'Hébergement en France' },
        { name: 'URSSAF', role: 'Déclarations sociales' },
      ],
      retention: [
        {
          dataCategory: 'Informations d’ordre économique et financier',
          text: '5 ans à compter du versement de la paie',
          duration: 'P5Y',
          trigger: 'versement de la paie',
          activePeriod: 'P1Y',
          archivePeriod: 'P4Y',
          finalFate: 'delete',
        },
        { dataCategory: 'Numéro de Sécurité Sociale (NIR)', text: '5 ans après le départ du salarié', duration: 'P5Y', trigger: 'départ du salarié', finalFate: 'delete' },
        {
          text: 'Bulletins de paie : 50 ans (archivage intermédiaire)',
          duration: 'P50Y',
          trigger: 'émission du bulletin',
          activePeriod: 'P5Y',
          archivePeriod: 'P45Y',
          finalFate: 'delete',
        },
      ],
      securityMeasures: [
        { type: 'access_control', precision: 'Accès limité au service paie, authentification forte' },
        { type: 'traceability', precision: 'Journalisation des accès conservée 6 mois' },
        { type: 'backup', precision: 'Sauvegarde quotidienne chiffrée' },
        { type: 'processor_oversight', precision: 'Audit annuel du sous-traitant' },
      ],
      securityNotes: 'Politique de sécurité du système d’information (PSSI) v3.',
      dpia: { criteria: ['vulnerable_subjects'], status: 'not_required' },
      systems: [{ name: 'PaieFacile', hosting: 'SaaS, hébergé en France', country: 'FR' }],
      rights: 'Droits d’accès et de rectification auprès du service RH (rh@atelier-lumiere.example).',
      lastReviewedAt: '2025-11-03',
    },
  },
  {
    stamps: stamps('2019-05-14', '2025-06-12'),
    input: {
      ref: 'T-002',
      name: 'Recrutement',
      role: 'controller',
      status: 'active',
      department: 'Ressources humaines',
      owner: 'Responsable recrutement',
      purpose: 'Gestion des candidatures et des entretiens de recrutement',
      subPurposes: ['Réception des CV', 'Organisation des entretiens', 'Constitution d’un vivier de candidats'],
      legalBases: [
        { code: 'contract', justification: 'Mesures précontractuelles à la demande du candidat' },
        { code: 'contract', justification: 'Mesures précontractuelles à la demande du candidat', purpose: 1 },
        { code: 'contract', justification: 'Mesures précontractuelles à la demande du candidat', purpose: 2 },
        { code: 'consent', justification: 'Conservation dans le vivier au-delà de la procédure', purpose: 3 },
      ],
      dataSubjects: [{ code: 'job_applicants', label: 'Candidats', volume: 'environ 1 200 par an' }],
      dataCategories: [
        { code: 'identity', label: 'État civil, identité, données d’identification' },
        { code: 'professional_life', label: 'Vie professionnelle', description: 'CV, diplômes, expériences' },
      ],
      dataSources: ['Le candidat', 'Plateforme de recrutement TalentBridge'],
      recipients: [
        { name: 'Service des ressources humaines', role: 'Sélection des candidats' },
        { name: 'TalentBridge Ltd', role: 'Plateforme de diffusion des offres' },
      ],
      transfers: [{ recipient: 'TalentBridge Ltd', country: 'GB', safeguard: 'adequacy', documentation: 'Décision d’adéquation Royaume-Uni (renouvelée en 2025)' }],
      retention: [
        { text: '2 ans à compter du dernier contact avec le candidat', duration: 'P2Y', trigger: 'dernier contact', finalFate: 'delete' },
        { text: 'Candidat non retenu sans accord pour le vivier : 3 mois', duration: 'P3M', trigger: 'fin de la procédure', finalFate: 'delete' },
      ],
      securityMeasures: [
        { type: 'access_control', precision: 'Accès réservé aux recruteurs' },
        { type: 'encryption', precision: 'Chiffrement TLS des échanges' },
      ],
      dpia: { criteria: [], status: 'not_required' },
    },
  },
  {
    stamps: stamps('2020-01-20', '2025-09-30'),
    input: {
      ref: 'T-003',
      name: 'Suivi de la santé au travail',
      role: 'controller',
      status: 'active',
      department: 'Ressources humaines',
      owner: 'Responsable QVT',
      purpose: 'Organisation des visites médicales et suivi des aptitudes',
      legalBases: [{ code: 'legal_obligation', justification: 'Code du travail, art. R4624-10 et suivants' }],
      art9Conditions: [{ code: 'employment_social_security', justification: 'Obligations de l’employeur en matière de santé au travail' }],
      dataSubjects: [{ code: 'employees', label: 'Salariés' }],
      dataCategories: [
        { code: 'identity', label: 'État civil, identité, données d’identification' },
        { code: 'health', label: 'Données concernant la santé', description: 'Avis d’aptitude uniquement (pas de diagnostic)', special: true },
      ],
      recipients: [{ name: 'Santé Travail Rhône', role: 'Service de prévention et de santé au travail' }],
      retention: [
        {
          dataCategory: 'Données concernant la santé',
          text: 'Durée du contrat de travail, puis 5 ans en archivage intermédiaire',
          trigger: 'fin du contrat',
          archivePeriod: 'P5Y',
          finalFate: 'delete',
        },
      ],
      securityMeasures: [
        { type: 'access_control', precision: 'Dossier papier sous clé ; accès restreint' },
        { type: 'other', precision: 'Engagement de confidentialité des personnes habilitées' },
      ],
      dpia: { criteria: ['sensitive_data', 'vulnerable_subjects'], status: 'completed', date: '2021-04-02', link: 'AIPD/2021-santé-travail.pdf' },
    },
  },
  {
    stamps: stamps('2021-02-01', '2026-02-18'),
    input: {
      ref: 'T-004',
      name: 'Gestion de la relation client',
      role: 'controller',
      status: 'active',
      department: 'Commercial',
      owner: 'Directeur commercial',
      description: 'Suivi des commandes, du service après-vente et de la satisfaction.',
      purpose: 'Gestion des clients : commandes, facturation, service après-vente',
      subPurposes: ['Suivi des commandes', 'Service après-vente', 'Enquêtes de satisfaction'],
      legalBases: [
        { code: 'contract', justification: 'Exécution des contrats de vente' },
        { code: 'contract', justification: 'Exécution des contrats de vente', purpose: 1 },
        { code: 'contract', justification: 'Garantie légale de conformité et service après-vente', purpose: 2 },
        { code: 'legitimate_interests', justification: 'Amélioration du service ; test de mise en balance du 12/01/2024', purpose: 3 },
      ],
      dataSubjects: [{ code: 'customers', label: 'Clients', volume: '40 000' }],
      dataCategories: [
        { code: 'identity', label: 'État civil, identité, données d’identification' },
        { code: 'economic_financial', label: 'Informations d’ordre économique et financier', description: 'Historique d’achats, moyens de paiement (tokenisés)' },
        { code: 'connection', label: 'Données de connexion', description: 'Journaux de l’espace client' },
      ],
      dataSources: ['Formulaires de commande', 'Espace client'],
      recipients: [{ name: 'CloudCRM Inc.', role: 'Hébergement et logiciel CRM', precision: 'Support depuis les États-Unis' }],
      transfers: [{ recipient: 'CloudCRM Inc.', country: 'US', safeguard: 'adequacy', documentation: 'Certification Data Privacy Framework vérifiée le 05/02/2026' }],
      retention: [
        { text: '3 ans à compter du dernier achat', duration: 'P3Y', trigger: 'dernier achat', activePeriod: 'P3Y', finalFate: 'anonymise' },
        {
          dataCategory: 'Informations d’ordre économique et financier',
          text: 'Factures : 10 ans (obligation comptable)',
          duration: 'P10Y',
          trigger: 'clôture de l’exercice',
          activePeriod: 'P1Y',
          archivePeriod: 'P9Y',
          finalFate: 'delete',
        },
      ],
      securityMeasures: [
        { type: 'access_control', precision: 'Habilitations par profil' },
        { type: 'encryption', precision: 'Chiffrement au repos (AES-256)' },
        { type: 'traceability' },
        { type: 'software_protection', precision: 'Mises à jour mensuelles, antivirus' },
      ],
      dpia: { criteria: ['large_scale'], status: 'not_required' },
      automatedDecision: { exists: false, description: '' },
      systems: [{ name: 'CloudCRM', hosting: 'SaaS, région UE (Irlande)', country: 'IE' }],
      rights: 'Formulaire en ligne ; réponse sous un mois.',
      lastReviewedAt: '2026-02-18',
    },
  },
  {
    stamps: stamps('2022-03-10', '2026-03-01'),
    input: {
      ref: 'T-005',
      name: 'Prospection commerciale par courriel',
      role: 'controller',
      status: 'active',
      department: 'Marketing',
      owner: 'Responsable marketing',
      purpose: 'Envoi de la lettre d’information et d’offres commerciales',
      legalBases: [{ code: 'consent', justification: 'Case à cocher non pré-cochée ; preuve conservée' }],
      dataSubjects: [
        { code: 'prospects', label: 'Prospects' },
        { code: 'customers', label: 'Clients' },
      ],
      dataCategories: [
        { code: 'identity', label: 'État civil, identité, données d’identification', description: 'Adresse électronique, prénom' },
        { code: 'internet', label: 'Internet (cookies, traceurs)', description: 'Ouverture des courriels, clics' },
      ],
      recipients: [
        { name: 'CloudCRM Inc.', role: 'Gestion des listes de diffusion' },
        { name: 'MailReach Technologies Pvt Ltd', role: 'Routage des courriels (sous-traitant ultérieur)' },
      ],
      transfers: [
        { recipient: 'MailReach Technologies Pvt Ltd', country: 'IN', safeguard: 'scc', documentation: 'CCT module 3, analyse d’impact du transfert du 10/01/2024' },
        { recipient: 'CloudCRM Inc.', country: 'US', safeguard: 'adequacy', documentation: 'Certification DPF' },
      ],
      retention: [{ text: '3 ans à compter du dernier contact', duration: 'P3Y', trigger: 'dernier contact', finalFate: 'delete' }],
      securityMeasures: [{ type: 'processor_oversight', precision: 'Clauses de sécurité dans les contrats' }],
      dpia: {
        criteria: ['evaluation_scoring', 'large_scale'],
        status: 'not_required',
        override: { required: false, justification: 'Segmentation simple sans effet juridique ; avis du DPO du 02/03/2022 favorable à l’absence d’AIPD.' },
      },
      automatedDecision: { exists: true, description: 'Segmentation automatique des destinataires selon leurs achats (profilage sans effet juridique)' },
      consentRecords: 'Journal des consentements dans CloudCRM',
    },
  },
  {
    stamps: stamps('2020-06-01', '2024-12-05'),
    input: {
      ref: 'T-006',
      name: 'Vidéoprotection des locaux',
      role: 'controller',
      status: 'active',
      department: 'Services généraux',
      owner: 'Responsable sécurité',
      purpose: 'Sécurité des biens et des personnes dans l’entrepôt et l’accueil',
      legalBases: [{ code: 'legitimate_interests', justification: 'Protection des biens ; caméras hors postes de travail' }],
      dataSubjects: [
        { code: 'employees', label: 'Salariés' },
        { code: 'visitors', label: 'Visiteurs' },
      ],
      dataCategories: [{ code: 'identity', label: 'Images', description: 'Images des personnes filmées' }],
      recipients: [{ name: 'SecureVideo SARL', role: 'Maintenance du système' }],
      retention: [{ text: '1 mois', duration: 'P1M', trigger: 'enregistrement', finalFate: 'delete' }],
      securityMeasures: [{ type: 'access_control', precision: 'Visionnage par deux personnes habilitées' }, { type: 'traceability' }],
      dpia: { criteria: ['systematic_monitoring', 'vulnerable_subjects'], status: 'completed', date: '2020-05-15', link: 'AIPD/2020-video.pdf' },
      breaches: 'Aucune violation enregistrée.',
    },
  },
  {
    stamps: stamps('2024-04-15', '2026-01-10'),
    input: {
      ref: 'T-007',
      name: 'Contrôle d’accès biométrique au laboratoire',
      role: 'controller',
      status: 'active',
      department: 'Recherche et développement',
      owner: 'Directeur R&D',
      purpose: 'Contrôle de l’accès à la zone de recherche confidentielle',
      legalBases: [{ code: 'legitimate_interests', justification: 'Protection du secret des affaires' }],
      art9Conditions: [{ code: 'explicit_consent', justification: 'Alternative par badge proposée sans conséquence' }],
      dataSubjects: [{ code: 'employees', label: 'Salariés', precision: 'Chercheurs habilités uniquement', volume: '35 personnes' }],
      dataCategories: [{ code: 'biometric', label: 'Données biométriques', description: 'Gabarit de l’empreinte digitale sur support individuel', special: true }],
      recipients: [{ name: 'BioAccess AG', role: 'Fournisseur et mainteneur des lecteurs' }],
      transfers: [{ recipient: 'BioAccess AG', country: 'CH', safeguard: 'adequacy' }],
      retention: [{ text: 'Jusqu’à la fin de l’habilitation', trigger: 'fin de l’habilitation', finalFate: 'delete' }],
      securityMeasures: [{ type: 'encryption', precision: 'Gabarit chiffré sur la carte de l’agent' }, { type: 'access_control' }],
      dpia: { criteria: ['sensitive_data', 'innovative_technology', 'vulnerable_subjects'], art35Cases: [], status: 'in_progress', date: '2024-03-01' },
    },
  },
  {
    stamps: stamps('2023-09-01', '2025-10-20'),
    input: {
      ref: 'T-008',
      name: 'Exposition « Lumières » co-organisée',
      role: 'joint_controller',
      status: 'active',
      department: 'Communication',
      owner: 'Responsable communication',
      purpose: 'Billetterie et gestion des visiteurs d’une exposition co-organisée',
      legalBases: [{ code: 'contract', justification: 'Vente de billets' }],
      dataSubjects: [{ code: 'visitors', label: 'Visiteurs' }],
      dataCategories: [{ code: 'identity', label: 'État civil, identité, données d’identification' }],
      recipients: [{ name: 'Musée des Confluences', role: 'Responsable conjoint' }],
      jointControllers: [
        {
          name: 'Musée des Confluences',
          address: '86 quai Perrache',
          postalCode: '69002',
          city: 'Lyon',
          country: 'France',
          email: 'dpo@musee.example',
          responsibilities: 'Le musée gère la billetterie et répond aux demandes d’exercice des droits ; Atelier Lumière gère la communication.',
        },
      ],
      retention: [{ text: 'Fin de l’exposition + 1 an', duration: 'P1Y', trigger: 'fin de l’exposition', finalFate: 'delete' }],
      securityMeasures: [{ type: 'access_control' }],
      dpia: { status: 'not_required' },
    },
  },
  {
    stamps: stamps('2022-11-01', '2026-04-02'),
    input: {
      ref: 'P-001',
      name: 'Hébergement et maintenance de sites pour le compte de clients',
      role: 'processor',
      status: 'active',
      department: 'Services numériques',
      owner: 'Directeur technique',
      purpose: 'Hébergement, maintenance et sauvegarde des sites web de nos clients',
      dataSubjects: [{ code: 'users', label: 'Utilisateurs des sites des clients' }],
      dataCategories: [
        { code: 'identity', label: 'État civil, identité, données d’identification' },
        { code: 'connection', label: 'Données de connexion' },
      ],
      recipients: [{ name: 'MailReach Technologies Pvt Ltd', role: 'Envoi des courriels transactionnels (sous-traitant ultérieur)' }],
      transfers: [{ recipient: 'MailReach Technologies Pvt Ltd', country: 'IN', safeguard: 'scc', documentation: 'CCT module 3 (P2P)' }],
      clients: [
        {
          name: 'Boulangerie Martin',
          address: '3 rue du Four',
          postalCode: '69001',
          city: 'Lyon',
          country: 'France',
          email: 'contact@boulangerie-martin.example',
          representative: '',
          dpo: '',
          processingCategories: ['Hébergement du site vitrine', 'Sauvegardes'],
        },
        {
          name: 'Cabinet Dupuis Avocats',
          address: '20 cours Lafayette',
          postalCode: '69003',
          city: 'Lyon',
          country: 'France',
          email: 'dpo@dupuis.example',
          representative: '',
          dpo: 'Me Dupuis',
          processingCategories: ['Hébergement de l’extranet clients', 'Maintenance applicative'],
        },
      ],
      securityMeasures: [{ type: 'backup', precision: 'Sauvegardes chiffrées, deux sites distants' }, { type: 'traceability' }, { type: 'software_protection' }],
      dpia: { status: 'not_assessed' },
    },
  },
  {
    stamps: stamps('2018-05-25', '2023-01-31'),
    input: {
      ref: 'T-009',
      name: 'Ancien programme de fidélité',
      role: 'controller',
      status: 'retired',
      department: 'Marketing',
      purpose: 'Gestion des points de fidélité (programme arrêté en 2022)',
      legalBases: [{ code: 'contract' }],
      dataSubjects: [{ code: 'customers', label: 'Clients' }],
      dataCategories: [{ code: 'identity', label: 'État civil, identité' }],
      transfers: [{ recipient: 'CloudCRM Inc.', country: 'US', safeguard: 'privacy_shield_legacy', documentation: 'Ancien fondement : Privacy Shield (invalidé)' }],
      retention: [{ text: 'Données supprimées en janvier 2023', finalFate: 'delete' }],
      securityMeasures: [{ type: 'access_control' }],
      dpia: { status: 'not_required' },
    },
  },
  {
    stamps: stamps('2026-10-01', '2026-10-01'),
    input: {
      ref: 'T-010',
      name: 'Assistant conversationnel du service client',
      role: 'controller',
      status: 'draft',
      department: 'Commercial',
      purpose: 'Réponse automatisée aux questions fréquentes des clients',
      legalBases: [{ code: 'to_be_determined' }],
      dataSubjects: [{ code: 'customers', label: 'Clients' }],
      dataCategories: [
        { code: 'identity', label: 'Identité' },
        { label: 'Contenu des conversations', description: 'Texte libre saisi par le client' },
      ],
      dpia: { criteria: ['innovative_technology'], status: 'planned' },
    },
  },
];

const foundation: OrganisationInput = {
  name: 'Fondation Atelier Lumière',
  legalForm: 'Fondation d’entreprise',
  address: '12 rue des Lilas',
  postalCode: '69003',
  city: 'Lyon',
  country: 'France',
  email: 'fondation@atelier-lumiere.example',
  dpo: {
    name: 'Nguyen',
    firstName: 'Sophie',
    company: 'Conformité & Co',
    address: '',
    postalCode: '',
    city: '',
    country: '',
    phone: '',
    email: 'dpo@conformite.example',
    cnilDesignationNumber: 'DPO-2019-012346',
  },
};

export interface DemoResult {
  organisations: number;
  activities: number;
  recipients: number;
}

/** Adds the demo organisations, recipients and activities in one transaction. */
export function createDemoRegister(reg: Register, meta: CallMeta): DemoResult {
  return reg.write(() => {
    // Fictitious organisations never go into a register that holds real ones.
    if (listOrganisations(reg).some((o) => o.name === DEMO_ORGANISATION)) {
      throw new AppError('conflict', text('errors.demoHere'));
    }
    if (listOrganisations(reg).length || reg.activities.list({}).length) {
      throw new AppError('conflict', text('errors.demoNotEmpty'));
    }
    const org = createOrganisation(reg, organisation, meta, stamps('2019-05-14', '2025-11-03'));
    for (const r of recipients) createRecipient(reg, r, meta);
    for (const a of activities) createActivity(reg, org.id, a.input, meta, a.stamps);
    createDemoRecords(reg, org.id, meta);
    const fondation = createOrganisation(reg, foundation, meta);
    createActivity(
      reg,
      fondation.id,
      {
        name: 'Gestion des dons',
        status: 'active',
        department: 'Mécénat',
        purpose: 'Collecte des dons et émission des reçus fiscaux',
        legalBases: [{ code: 'legal_obligation', justification: 'Code général des impôts, art. 238 bis' }],
        dataSubjects: [{ code: 'other', label: 'Donateurs' }],
        dataCategories: [
          { code: 'identity', label: 'Identité' },
          { code: 'economic_financial', label: 'Montant des dons' },
        ],
        retention: [{ text: '6 ans à compter du don', duration: 'P6Y', trigger: 'don', finalFate: 'delete' }],
        securityMeasures: [{ type: 'access_control' }],
      },
      meta,
    );
    return { organisations: 2, activities: activities.length + 1, recipients: recipients.length };
  });
}
