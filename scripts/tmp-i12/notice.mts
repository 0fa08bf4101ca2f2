import path from 'node:path';
import fs from 'node:fs';
import { openTempRegister } from '../../core/testing/temp-register.js';
const t = openTempRegister({ demo: true });
const out = path.join('/tmp/i12', `notice.html`);
await t.call('export/file', { format: 'html', lang: 'fr', out, scope: {}, document: 'notice', subjects: ['Clients'] });
console.log(fs.readFileSync(out, 'utf8').replace(/<[^>]+>/g, '\n').replace(/\n+/g, '\n'));
