/**
 * An organisation's key in the JSON register document (`org-3`), which `art30 … --org` also accepts:
 * a module of its own so that the command line reads it without loading the document's export.
 */
export const orgKey = (id: number) => `org-${id}`;
