/**
 * The commands of `art30`, each loaded only when it runs (its own chunk in the bundled CLI, see
 * scripts/build-cli.mjs). Add a command with one line: its name and how to load it.
 */
import type { Command } from '../command.js';

export interface CommandEntry {
  name: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  { name: 'init', load: async () => (await import('./init.js')).initCommand },
  { name: 'orgs', load: async () => (await import('./orgs.js')).orgsCommand },
  { name: 'list', load: async () => (await import('./list.js')).listCommand },
  { name: 'show', load: async () => (await import('./show.js')).showCommand },
  { name: 'export', load: async () => (await import('./export.js')).exportCommand },
  { name: 'import', load: async () => (await import('./import.js')).importCommand },
  { name: 'template', load: async () => (await import('./template.js')).templateCommand },
  { name: 'backup', load: async () => (await import('./backup.js')).backupCommand },
  { name: 'restore', load: async () => (await import('./backup.js')).restoreCommand },
  { name: 'verify-history', load: async () => (await import('./verify-history.js')).verifyHistoryCommand },
  { name: 'breaches', load: async () => (await import('./records.js')).breachesCommand },
  { name: 'requests', load: async () => (await import('./records.js')).requestsCommand },
  { name: 'overview', load: async () => (await import('./overview.js')).overviewCommand },
  { name: 'due', load: async () => (await import('./due.js')).dueCommand },
  { name: 'attach', load: async () => (await import('./documents.js')).attachCommand },
  { name: 'documents', load: async () => (await import('./documents.js')).documentsCommand },
  { name: 'verify-bundle', load: async () => (await import('./documents.js')).verifyBundleCommand },
  { name: 'reference', load: async () => (await import('./reference.js')).referenceCommand },
  { name: 'models', load: async () => (await import('./models.js')).modelsCommand },
  { name: 'campaign', load: async () => (await import('./campaign.js')).campaignCommand },
  { name: 'copy', load: async () => (await import('./dpo.js')).copyCommand },
  { name: 'actions', load: async () => (await import('./dpo.js')).actionsCommand },
];
