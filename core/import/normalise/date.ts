/** Dates: Excel serial numbers, dd/mm/yyyy (French order), yyyy-mm-dd, ISO timestamps → YYYY-MM-DD. */

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel's serial day number (1900 system, with its phantom 29 February 1900). */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const ms = Math.round((Math.floor(serial) - 25569) * 86_400_000);
  const d = new Date(ms);
  return valid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function parseDate(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return valid(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const y = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    // French order first; 05/13/2019 can only be month/day.
    return valid(y, +m[2], +m[1]) ?? valid(y, +m[1], +m[2]);
  }
  // "15 mars 2026", "15 Marzo 2026", "March 15, 2026", "1er janvier 2025": month names from the platform's own data.
  m = /^(\d{1,2})(?:er|st|nd|rd|th|º|°)?\.?\s+(?:de\s+)?([\p{L}.]+)\s+(?:de\s+)?(\d{4})$/u.exec(t) ?? null;
  if (m) {
    const month = monthOf(m[2]);
    if (month) return valid(+m[3], month, +m[1]);
  }
  m = /^([\p{L}.]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(t);
  if (m) {
    const month = monthOf(m[1]);
    if (month) return valid(+m[3], month, +m[2]);
  }
  if (/^\d{4,6}(\.\d+)?$/.test(t)) {
    const n = Number(t);
    if (n >= 10_000 && n <= 100_000) return excelSerialToIso(n);
  }
  return undefined;
}

let MONTHS: Map<string, number> | null = null;
/** A month's name or abbreviation in French, English, German, Spanish, Italian or Dutch → 1–12. */
function monthOf(word: string): number | undefined {
  if (!MONTHS) {
    MONTHS = new Map();
    for (const locale of ['fr', 'en', 'de', 'es', 'it', 'nl'])
      for (const style of ['long', 'short'] as const) {
        const f = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
        for (let m = 1; m <= 12; m++) MONTHS.set(foldMonth(f.format(new Date(Date.UTC(2026, m - 1, 15)))), m);
      }
  }
  return MONTHS.get(foldMonth(word));
}

const foldMonth = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
