/**
 * The overview's section for processor contracts and documents (issue 23): the points to review of
 * the contracts by kind (a processor without contract, a contract expired or due for review, a
 * clause missing, a sub-processor outside the EEA without a transfer), and the documents kept.
 */
import { documentStore } from '../documents/services.js';
import { CONTRACT_CHECK_CODES } from '../model/contract-checks.js';
import type { OverviewContributor } from '../overview/sections.js';
import { contractChecks, listContracts } from './services.js';

export const contractsOverviewSection: OverviewContributor = (reg, scope, today) => {
  const contracts = listContracts(reg, scope);
  const checks = contractChecks(reg, scope, today);
  const documents = documentStore(reg).list({ organisationId: scope.organisationId }).length;
  if (!contracts.length && !checks.length && !documents) return null;
  return {
    key: 'contracts',
    titleKey: 'contracts.overview.title',
    items: [
      { key: 'contracts', labelKey: 'contracts.overview.contracts', count: contracts.length, screen: 'contracts' },
      ...CONTRACT_CHECK_CODES.map((code) => ({
        key: code,
        labelKey: `contracts.overview.${code}`,
        count: checks.filter((c) => c.code === code).length,
        screen: 'contracts',
        screenFilter: { check: code },
        alert: true,
      })),
      { key: 'documents', labelKey: 'contracts.overview.documents', count: documents },
    ],
  };
};
