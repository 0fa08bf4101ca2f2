/**
 * Countries in French, English or as codes → ISO 3166-1 alpha-2: "USA", "États-Unis", "Inde",
 * "Irlande", "UK", "GBR". Names come from the register's country table (so DPO edits count), plus
 * the usual aliases and alpha-3 codes.
 */
import type { Country, InternationalOrganisation } from '../../model/register.js';
import { fold as foldKey } from '../fold.js';
import { LANGUAGES, TICKS, UNTICKS } from '../vocabulary/index.js';

const ALIASES: Record<string, string> = {
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  'etats unis': 'US',
  'etats unis d amerique': 'US',
  'united states of america': 'US',
  america: 'US',
  amerique: 'US',
  'us america': 'US',
  uk: 'GB',
  'u k': 'GB',
  'royaume uni': 'GB',
  'grande bretagne': 'GB',
  'great britain': 'GB',
  england: 'GB',
  angleterre: 'GB',
  britain: 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  gbr: 'GB',
  'coree du sud': 'KR',
  'south korea': 'KR',
  'republique de coree': 'KR',
  'republic of korea': 'KR',
  korea: 'KR',
  coree: 'KR',
  russie: 'RU',
  russia: 'RU',
  'russian federation': 'RU',
  chine: 'CN',
  china: 'CN',
  'p r china': 'CN',
  holland: 'NL',
  hollande: 'NL',
  'pays bas': 'NL',
  netherlands: 'NL',
  'the netherlands': 'NL',
  suisse: 'CH',
  switzerland: 'CH',
  allemagne: 'DE',
  germany: 'DE',
  irlande: 'IE',
  ireland: 'IE',
  'republic of ireland': 'IE',
  eire: 'IE',
  inde: 'IN',
  india: 'IN',
  bresil: 'BR',
  brazil: 'BR',
  'nouvelle zelande': 'NZ',
  'new zealand': 'NZ',
  'ile de man': 'IM',
  'isle of man': 'IM',
  'emirats arabes unis': 'AE',
  uae: 'AE',
  eau: 'AE',
  'cote d ivoire': 'CI',
  'ivory coast': 'CI',
  vietnam: 'VN',
  'viet nam': 'VN',
  tchequie: 'CZ',
  'republique tcheque': 'CZ',
  'czech republic': 'CZ',
  czechia: 'CZ',
  usa_: 'US',
  // Spanish doubles the letters of a plural's abbreviation: "EE. UU.", "EE.UU.", "EEUU".
  'ee uu': 'US',
  eeuu: 'US',
  fra: 'FR',
  deu: 'DE',
  irl: 'IE',
  ind: 'IN',
  che: 'CH',
  can: 'CA',
  jpn: 'JP',
  chn: 'CN',
  bel: 'BE',
  esp: 'ES',
  ita: 'IT',
  nld: 'NL',
  lux: 'LU',
  prt: 'PT',
  pol: 'PL',
  aut: 'AT',
  swe: 'SE',
  dnk: 'DK',
  fin: 'FI',
  nor: 'NO',
  isl: 'IS',
  bra: 'BR',
  mar: 'MA',
  tun: 'TN',
  dza: 'DZ',
  sgp: 'SG',
  aus: 'AU',
  isr: 'IL',
  kor: 'KR',
  and: 'AD',
  arg: 'AR',
  ury: 'UY',
  nzl: 'NZ',
};

export class CountryMatcher {
  private readonly byKey = new Map<string, string>();

  constructor(private readonly countries: Map<string, Country>) {
    for (const c of countries.values()) {
      this.byKey.set(foldKey(c.nameFr), c.code);
      this.byKey.set(foldKey(c.nameEn), c.code);
      // "Corée (République de)" → "coree"
      this.byKey.set(foldKey(c.nameFr.replace(/\(.*\)/, '')), c.code);
      this.byKey.set(foldKey(c.nameEn.replace(/\(.*\)/, '')), c.code);
    }
    for (const [k, v] of Object.entries(ALIASES)) if (countries.has(v)) this.byKey.set(k.replace(/_$/, ''), v);
    // International organisations (Art. 30(1)(e)) among the destinations: names, acronyms, other names.
    for (const c of countries.values()) if (c.kind === 'organisation') for (const name of organisationNames(c as InternationalOrganisation)) this.addIfAbsent(name, c.code);
    // Every language the import reads: "Deutschland", "Türkei", "Alemania", "Stati Uniti", "Verenigde Staten".
    for (const [code, names] of icuNames()) if (countries.has(code)) for (const name of names) this.addIfAbsent(name, code);
    // And the short names each language writes ("SUA", "ΗΠΑ", "САЩ"), as data (vocabulary/*.json, "countryAliases").
    for (const l of LANGUAGES) for (const [alias, code] of Object.entries(l.countryAliases ?? {})) if (countries.has(code)) this.addIfAbsent(alias, code);
  }

  private addIfAbsent(name: string, code: string): void {
    for (const k of new Set([foldKey(name), foldKey(name.replace(/\(.*\)/, '')), foldKey(name.replace(/^.*\((.*)\).*$/, '$1'))])) {
      if (k && !this.byKey.has(k)) this.byKey.set(k, code);
    }
  }

  /** The alpha-2 code (or `IO-…` for an international organisation), or undefined when the text names no known destination. */
  match(text: string): string | undefined {
    const t = text.trim();
    // "us", "US": a code; "ne", "no", "ja" in lower case are a yes or a no of some language, not Niger or Norway.
    if (/^[A-Za-z]{2}$/.test(t) && this.countries.has(t.toUpperCase()) && (t === t.toUpperCase() || !(TICKS.has(t) || UNTICKS.has(t)))) return t.toUpperCase();
    if (/^io-/i.test(t) && this.countries.has(t.toUpperCase())) return t.toUpperCase();
    const k = foldKey(t.replace(/\(.*\)\s*$/, '')) || foldKey(t);
    return (
      this.byKey.get(k) ??
      this.byKey.get(foldKey(t)) ??
      this.byKey.get(k.replace(/^(l |la |le |les |the )/, '')) ??
      // "O.N.U.", "U.E.B." → the acronym written without its dots.
      (/^([\p{L}\p{N}] )+[\p{L}\p{N}]$/u.test(k) ? this.byKey.get(k.replace(/ /g, '')) : undefined) ??
      // "EPO – European Patent Office", "OMS (Genève)": one of the parts names the destination.
      this.matchPart(t)
    );
  }

  private matchPart(t: string): string | undefined {
    const parts = t
      .split(/\s+[-–—:]\s+|[()]/)
      .map((p) => p.trim())
      .filter((p) => p && p !== t);
    if (parts.length < 2) return undefined;
    const found = new Set(parts.map((p) => this.byKey.get(foldKey(p)) ?? this.byKey.get(foldKey(p).replace(/^(l |la |le |les |the )/, ''))).filter(Boolean));
    return found.size === 1 ? [...found][0] : undefined;
  }

  /**
   * The destinations a sentence names ("Données transférées vers la Suisse (pays adéquat)"): every run of
   * up to four words that is a country's or an organisation's name (not a code or a three-letter alias,
   * which prose is full of: "and", "can").
   */
  findIn(text: string): string[] {
    const words = foldKey(text).split(' ').filter(Boolean);
    const found: string[] = [];
    for (let i = 0; i < words.length; i++)
      for (let n = Math.min(4, words.length - i); n >= 1; n--) {
        const k = words.slice(i, i + n).join(' ');
        if (k.length <= 3) continue;
        const code = this.byKey.get(k) ?? this.byKey.get(k.replace(/^(l |la |le |les |the )/, ''));
        if (code) {
          if (!found.includes(code)) found.push(code);
          i += n - 1;
          break;
        }
      }
    return found;
  }

  get(code: string): Country | undefined {
    return this.countries.get(code);
  }
}

let ICU_NAMES: Map<string, string[]> | null = null;
/** Countries' names (code → names) in every language of the import's vocabularies, from the platform's own ICU data (built once). */
export function icuNames(): Map<string, string[]> {
  if (ICU_NAMES) return ICU_NAMES;
  ICU_NAMES = new Map();
  let names: Intl.DisplayNames[];
  try {
    names = LANGUAGES.map((l) => new Intl.DisplayNames([l.language], { type: 'region', fallback: 'none' }));
  } catch {
    return ICU_NAMES; // a Node built without ICU: the French and English names only
  }
  for (let i = 0; i < 26; i++)
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(65 + i, 65 + j);
      const list = names.map((n) => n.of(code)).filter((n): n is string => Boolean(n) && n !== code);
      if (list.length) ICU_NAMES.set(code, [...new Set(list)]);
    }
  return ICU_NAMES;
}

/** Every name an organisation is known by: French and English names and acronyms, other names, its code without `IO-`. */
function organisationNames(o: InternationalOrganisation): string[] {
  return [o.nameFr, o.nameEn, o.acronymFr, o.acronymEn, ...o.aliases, o.code.slice(3)].filter(Boolean);
}
