import type { Command } from '../command.js';
import { backupCommand } from './backup.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { initCommand } from './init.js';
import { listCommand } from './list.js';
import { referenceCommand } from './reference.js';
import { showCommand } from './show.js';
import { templateCommand } from './template.js';
import { verifyHistoryCommand } from './verify-history.js';

export const commands: Command[] = [initCommand, listCommand, showCommand, exportCommand, importCommand, templateCommand, backupCommand, verifyHistoryCommand, referenceCommand];
