/** Test helper: small real files of each kind a register keeps, and a few it refuses. */
import { strToU8, zipSync } from 'fflate';

export const files = {
  pdf: (text = 'contrat') => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`),
  docx: (text = 'avenant') =>
    Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(`<w:document><w:body>${text}</w:body></w:document>`) }, { level: 0 })),
  docm: () => Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'word/vbaProject.bin': new Uint8Array([1, 2, 3]) }, { level: 0 })),
  png: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  eml: () => Buffer.from('From: dpo@example.org\r\nTo: cnil@example.org\r\nSubject: Notification\r\n\r\nBonjour.\r\n'),
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]),
};
