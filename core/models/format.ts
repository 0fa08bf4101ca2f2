/** The kinds of organisation the catalogue is sorted by (here, so that the window reads them without the catalogue). */
export const ORGANISATION_KINDS = ['company', 'public', 'school', 'health', 'association'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Whether a JSON text is a models data set (`"format": "art30-models"`), without parsing or loading the catalogue. */
export function isModelsText(text: string): boolean {
  return /"format"\s*:\s*"art30-models"/.test(text.slice(0, 2000));
}
