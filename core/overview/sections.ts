/**
 * Sections that other records add to the overview (open breaches, requests due…): each contributor
 * returns its counts for the scope, or null when it has nothing to show. The overview screen and
 * `art30 overview` show them after the register's own sections, titled and labelled by catalogue
 * keys. Add a record's section with one line in OVERVIEW_SECTIONS.
 */
import { campaignOverviewSection } from '../campaign/overview-section.js';
import { contractsOverviewSection } from '../contracts/overview-section.js';
import { dpoWorkOverviewSection } from '../dpo/overview-section.js';
import { recordsOverviewSection } from '../records/overview-section.js';
import type { Register } from '../register.js';
import type { OverviewFilter } from './filter.js';

export interface OverviewSectionItem {
  key: string;
  /** Catalogue key of the item's label (with `count`). */
  labelKey: string;
  count: number;
  /** Opens the register filtered to these activities, when the item is about activities. */
  filter?: OverviewFilter;
  /** Else the screen of the app that lists them (e.g. `breaches`), with its own filter. */
  screen?: string;
  screenFilter?: Record<string, unknown>;
  /** Something the DPO must act on (shown highlighted). */
  alert?: boolean;
}

export interface OverviewSection {
  key: string;
  titleKey: string;
  /** Parameters of the title (e.g. the campaign's reference). */
  titleParams?: Record<string, string | number>;
  items: OverviewSectionItem[];
}

export type OverviewContributor = (reg: Register, scope: { organisationId?: number }, today: string) => OverviewSection | null;

/** The breach record and the request log (core/records). */
export const OVERVIEW_SECTIONS: OverviewContributor[] = [recordsOverviewSection, campaignOverviewSection, contractsOverviewSection, dpoWorkOverviewSection];
