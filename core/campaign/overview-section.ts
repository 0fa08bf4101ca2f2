/** The overview's section of the newest review campaign: departments that answered, awaited, late. */
import type { OverviewContributor } from '../overview/sections.js';
import { latestCampaign } from './services.js';

export const campaignOverviewSection: OverviewContributor = (reg, scope) => {
  const c = latestCampaign(reg, scope.organisationId);
  if (!c) return null;
  return {
    key: 'campaign',
    titleKey: 'campaign.overview.title',
    titleParams: { ref: c.ref },
    items: [
      { key: 'returned', labelKey: 'campaign.overview.returned', count: c.counts.returned, screen: 'campaigns' },
      { key: 'waiting', labelKey: 'campaign.overview.waiting', count: c.counts.sent, screen: 'campaigns' },
      { key: 'late', labelKey: 'campaign.overview.late', count: c.counts.late, screen: 'campaigns', alert: true },
    ],
  };
};
