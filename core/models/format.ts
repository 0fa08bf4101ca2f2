/** Whether a JSON text is a models data set (`"format": "art30-models"`), without parsing or loading the catalogue. */
export function isModelsText(text: string): boolean {
  return /"format"\s*:\s*"art30-models"/.test(text.slice(0, 2000));
}
