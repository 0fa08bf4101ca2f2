// Writes docs/register-document.schema.json from the zod schema of the register document.
import fs from 'node:fs';
import { registerDocumentJsonSchema } from '../core/document/schema.js';

const target = new URL('../docs/register-document.schema.json', import.meta.url);
fs.writeFileSync(target, `${JSON.stringify(registerDocumentJsonSchema(), null, 2)}\n`);
console.log(`written ${target.pathname}`);
