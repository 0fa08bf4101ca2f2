/**
 * The screens the README shows, each as a picture in French and in English
 * (docs/screenshots/<id>.<lang>.png), taken by `npm run screenshots` (e2e/specs/screenshots.spec.ts).
 * Every screen of the main navigation is here (a test fails on a new screen without a picture), and
 * scripts/screenshots.test.ts fails when the README or docs/screenshots/ is out of step with this list.
 */
export interface Screen {
  id: string;
  /** The main navigation's link to it (`#/…`), or none for a screen reached from another. */
  href?: string;
  /** What the README says it shows (its image's alternative text). */
  alt: string;
}

export const SCREENS: Screen[] = [
  { id: 'overview', href: '#/overview', alt: 'The overview: counts by status, legal basis and department, points to review, reviews due' },
  { id: 'register', href: '#/register', alt: 'The register view: controller and processor registers, search, filters' },
  { id: 'activity-editor', alt: 'The activity editor, with the activity’s history' },
  { id: 'recipients', href: '#/recipients', alt: 'The recipient directory' },
  { id: 'breaches', href: '#/breaches', alt: 'The breach record, with the 72-hour notification deadline' },
  { id: 'requests', alt: 'The data-subject requests, with their deadlines' },
  { id: 'contracts', href: '#/contracts', alt: 'Processor contracts (Art. 28): clauses, sub-processors, documents, points to review' },
  { id: 'campaigns', href: '#/campaigns', alt: 'Department review campaigns: who was sent what, who answered, who is late' },
  { id: 'actions', href: '#/actions', alt: 'The DPO’s action plan: points to review made actions, with an owner, a due date, a priority and a state' },
  { id: 'organisation', href: '#/organisation', alt: 'The organisation, its DPO, representative and head' },
  { id: 'reference', href: '#/reference', alt: 'The reference data: countries’ adequacy status, vocabularies' },
];

export const SCREENSHOT_LANGS = ['en', 'fr'] as const;

/** A screen's picture, relative to the repository. */
export const screenshotFile = (id: string, lang: string) => `docs/screenshots/${id}.${lang}.png`;
