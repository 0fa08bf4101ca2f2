/**
 * The catalogue, one per language, assembled from one module per area of the app. Each area module
 * exports `en` and `fr` with the same keys, all starting with the area's prefix (`import.`,
 * `reference.`…), so that areas never collide. Add an area by importing it here.
 */
import * as campaign from './locales/campaign.js';
import * as checks from './locales/checks.js';
import * as cli from './locales/cli.js';
import * as cliSummary from './locales/cli-summary.js';
import * as common from './locales/common.js';
import * as errors from './locales/errors.js';
import * as importArea from './locales/import.js';
import * as exportArea from './locales/export.js';
import * as firstrun from './locales/firstrun.js';
import * as mapping from './locales/mapping.js';
import * as records from './locales/records.js';
import * as contracts from './locales/contracts.js';
import * as documents from './locales/documents.js';
import * as backups from './locales/backups.js';
import * as shell from './locales/shell.js';
import * as ui from './locales/ui.js';
import * as overview from './locales/overview.js';
import * as legal from './locales/legal.js';
import * as doc from './locales/doc.js';
import * as windowArea from './locales/window.js';
import * as models from './locales/models.js';
import * as firsthour from './locales/firsthour.js';
import * as purposes from './locales/purposes.js';
import * as dpo from './locales/dpo.js';
import * as importLines from './locales/import-lines.js';

export type Entries = Record<string, string>;
export interface Area {
  en: Entries;
  fr: Entries;
}

export const areas: Record<string, Area> = {
  common,
  checks,
  shell,
  errors,
  ui,
  import: importArea,
  export: exportArea,
  cli,
  cliSummary,
  firstrun,
  mapping,
  records,
  campaign,
  contracts,
  documents,
  backups,
  overview,
  legal,
  doc,
  models,
  firsthour,
  purposes,
  dpo,
  importLines,
  /** The window's words: keys named after their screen, not prefixed `window.` (see locales/window.ts). */
  window: windowArea,
};

/** Areas whose keys are named after their screen rather than prefixed with the area's name. */
export const UNPREFIXED_AREAS = new Set(['window']);

function merge(lang: keyof Area): Entries {
  const out: Entries = {};
  for (const area of Object.values(areas)) Object.assign(out, area[lang]);
  return out;
}

export const catalogue = { en: merge('en'), fr: merge('fr') };
