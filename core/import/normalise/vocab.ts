/**
 * Free text → a code of one of the register's vocabularies (data categories, data subjects,
 * recipient types, security measures, Art. 9 conditions…), matched on the French and English
 * labels (as the DPO may have edited them), the code itself, and common synonyms.
 */
import type { VocabularyKind } from '../../model/codes.js';
import type { VocabularyTerm } from '../../model/register.js';
import { fold as foldKey } from '../fold.js';

/** Extra words, by kind and code, that departments use. */
const SYNONYMS: Partial<Record<VocabularyKind, Record<string, string[]>>> = {
  data_subject_category: {
    employees: ['salarie', 'salaries', 'employe', 'employes', 'employee', 'staff', 'personnel', 'agents', 'collaborateurs', 'workers', 'agent'],
    customers: ['client', 'clients', 'customer', 'customers', 'clientele'],
    suppliers: ['fournisseur', 'supplier', 'vendors'],
    service_providers: ['prestataire', 'prestataires', 'service provider', 'contractors'],
    job_applicants: ['candidat', 'candidats', 'applicants', 'candidates', 'job candidates'],
    prospects: ['prospect', 'leads'],
    users: ['utilisateurs', 'users', 'internautes', 'app users'],
    visitors: ['visiteur', 'visitors'],
    students: ['eleves', 'etudiants', 'students', 'pupils'],
    patients: ['patient'],
    minors: ['mineurs', 'enfants', 'children', 'minors'],
    citizens: ['usagers', 'administres', 'citoyens', 'citizens', 'habitants', 'residents'],
    elected_officials: ['elus', 'elected officials', 'councillors'],
  },
  data_category: {
    identity: ['etat civil', 'identite', 'identity', 'identification', 'nom prenom', 'civil status', 'images', 'photo'],
    personal_life: ['vie personnelle', 'personal life', 'situation familiale', 'family situation'],
    professional_life: ['vie professionnelle', 'professional life', 'cv', 'diplomes', 'formation', 'career'],
    economic_financial: ['economique et financier', 'financial', 'financieres', 'bancaires', 'rib', 'iban', 'bank details', 'revenus', 'salaire', 'salary'],
    connection: ['donnees de connexion', 'connexion', 'connection data', 'adresse ip', 'ip address', 'logs'],
    location: ['localisation', 'location', 'gps', 'geolocalisation', 'geolocation'],
    internet: ['cookies', 'traceurs', 'trackers', 'navigation', 'browsing'],
    nir: ['nir', 'numero de securite sociale', 'securite sociale', 'social security number', 'ssn'],
    racial_ethnic_origin: ['origine raciale', 'origine ethnique', 'ethnic origin', 'racial origin'],
    political_opinions: ['opinions politiques', 'political opinions'],
    religious_beliefs: ['convictions religieuses', 'religion', 'religious beliefs', 'philosophical beliefs'],
    trade_union: ['appartenance syndicale', 'syndicale', 'trade union'],
    genetic: ['genetique', 'genetic'],
    biometric: ['biometrique', 'biometrie', 'biometric', 'empreintes digitales', 'fingerprints'],
    health: ['sante', 'health', 'medical', 'medicales', 'handicap', 'disability'],
    sex_life: ['vie sexuelle', 'orientation sexuelle', 'sex life', 'sexual orientation'],
    criminal: ['condamnations', 'infractions', 'penal', 'penales', 'criminal', 'casier judiciaire', 'criminal record', 'convictions'],
  },
  recipient_type: {
    internal: ['service interne', 'interne', 'internal', 'internal department'],
    processor: ['sous traitant', 'sous traitants', 'processor', 'processors', 'prestataire'],
    sub_processor: ['sous traitant ulterieur', 'sub processor', 'sub processors'],
    joint_controller: ['responsable conjoint', 'joint controller', 'co responsable'],
    third_party_controller: ['responsable de traitement tiers', 'third party controller', 'tiers'],
    public_authority: ['autorite publique', 'administration', 'public authority', 'authorities'],
    partner: ['partenaire', 'partenaires', 'partenaires institutionnels ou commerciaux', 'partners', 'partner'],
    third_country_recipient: ['destinataires dans des pays tiers ou organisations internationales', 'pays tiers', 'third country'],
    other: ['autre', 'other'],
  },
  security_measure_type: {
    traceability: ['tracabilite', 'journalisation', 'logging', 'logs', 'audit trail', 'traceability'],
    software_protection: ['protection des logiciels', 'antivirus', 'mises a jour', 'updates', 'patching', 'software protection', 'anti virus'],
    backup: ['sauvegarde', 'sauvegardes', 'backup', 'backups'],
    encryption: ['chiffrement', 'encryption', 'chiffre', 'encrypted', 'tls', 'https', 'cryptage'],
    access_control: ['controle d acces', 'access control', 'habilitations', 'authentification', 'authentication', 'mot de passe', 'mots de passe', 'passwords', 'mfa', '2fa'],
    processor_oversight: ['controle des sous traitants', 'processor oversight', 'audit des sous traitants', 'dpa'],
    other: ['autres mesures', 'other measures'],
  },
  art9_condition: {
    explicit_consent: ['consentement explicite', 'explicit consent', '9 2 a'],
    employment_social_security: ['droit du travail', 'employment', 'securite sociale', 'social security', '9 2 b'],
    health_social_care: ['medecine du travail', 'medecine preventive', 'health care', 'soins', '9 2 h'],
    public_health: ['sante publique', 'public health', '9 2 i'],
    legal_claims: ['droits en justice', 'legal claims', '9 2 f'],
    substantial_public_interest: ['interet public important', 'substantial public interest', '9 2 g'],
    archiving_research_statistics: ['archivage', 'recherche', 'statistiques', 'research', 'statistics', '9 2 j'],
    made_public: ['rendues publiques', 'made public', '9 2 e'],
    not_for_profit_body: ['but non lucratif', 'not for profit', '9 2 d'],
    vital_interests: ['interets vitaux', 'vital interests', '9 2 c'],
  },
};

const stem = (k: string) =>
  k
    .split(' ')
    .map((w) => (w.length > 3 ? w.replace(/(s|x)$/, '') : w))
    .join(' ');

export class VocabularyMatcher {
  private readonly exact = new Map<string, string>();
  private readonly phrases: [string, string][] = [];

  constructor(
    readonly kind: VocabularyKind,
    readonly terms: VocabularyTerm[],
  ) {
    for (const t of terms) {
      for (const label of [t.labelFr, t.labelEn, t.code.replace(/_/g, ' ')]) {
        this.exact.set(stem(foldKey(label)), t.code);
        const short = foldKey(label.replace(/\(.*$/, ''));
        if (short) this.exact.set(stem(short), t.code);
      }
      for (const s of SYNONYMS[kind]?.[t.code] ?? []) {
        this.exact.set(stem(foldKey(s)), t.code);
        this.phrases.push([stem(foldKey(s)), t.code]);
      }
    }
    this.phrases.sort((a, b) => b[0].length - a[0].length);
  }

  /** `exact`: the text is a label or synonym; `partial`: the text contains one. */
  private readonly cache = new Map<string, { code: string; how: 'exact' | 'partial' } | undefined>();

  match(text: string): { code: string; how: 'exact' | 'partial' } | undefined {
    if (this.cache.has(text)) return this.cache.get(text);
    const result = this.find(text);
    if (this.cache.size < 50_000) this.cache.set(text, result);
    return result;
  }

  private find(text: string): { code: string; how: 'exact' | 'partial' } | undefined {
    const k = stem(foldKey(text));
    if (!k) return undefined;
    const exact = this.exact.get(k) ?? this.exact.get(stem(foldKey(text.replace(/\(.*$/, ''))));
    if (exact) return { code: exact, how: 'exact' };
    for (const [phrase, code] of this.phrases) {
      if (phrase.length >= 3 && ` ${k} `.includes(` ${phrase} `)) return { code, how: 'partial' };
    }
    return undefined;
  }

  term(code: string): VocabularyTerm | undefined {
    return this.terms.find((t) => t.code === code);
  }
}
