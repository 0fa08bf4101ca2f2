/**
 * ISO 8601 durations in the DPO's words and back: "P3Y" ↔ "3 ans" / "3 years", "P1Y6M" ↔ "1 an 6 mois".
 * The activity editor shows and takes durations this way (ISO codes are never shown); reading uses
 * the import's own retention reader, so the editor understands what an import understands.
 */
import { parseRetention } from './retention.js';

const UNITS: Record<'Y' | 'M' | 'W' | 'D', { fr: [string, string]; en: [string, string] }> = {
  Y: { fr: ['an', 'ans'], en: ['year', 'years'] },
  M: { fr: ['mois', 'mois'], en: ['month', 'months'] },
  W: { fr: ['semaine', 'semaines'], en: ['week', 'weeks'] },
  D: { fr: ['jour', 'jours'], en: ['day', 'days'] },
};

export function durationInWords(iso: string, lang: 'fr' | 'en'): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso);
  if (!m || iso === 'P') return iso;
  const parts: string[] = [];
  (['Y', 'M', 'W', 'D'] as const).forEach((u, i) => {
    const n = Number(m[i + 1] ?? 0);
    if (n) parts.push(`${n} ${UNITS[u][lang][n > 1 ? 1 : 0]}`);
  });
  return parts.join(' ');
}

/** A duration typed in words ("3 ans", "two years", "18 mois") → ISO, or undefined. */
export function durationFromWords(text: string): string | undefined {
  const t = text.trim();
  if (!t) return '';
  if (/^P(?:\d+[YMWD])+$/.test(t)) return t;
  const r = parseRetention(t);
  return r.duration || undefined;
}
