/**
 * What a file is, read from its bytes and its name: the kinds a register keeps (PDF, Word, Excel,
 * OpenDocument, images, e-mails) and what is refused — an executable or a script, a file whose
 * content is not what its name says, an empty or unreadable one. Each refusal is a catalogue key.
 */
import { unzipSync } from 'fflate';

export const DOCUMENT_KINDS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'image', 'email', 'text'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Limits said in the README: one file, and all the documents of a register together. */
export const DOCUMENT_LIMITS = { fileBytes: 25 * 1024 * 1024, registerBytes: 2 * 1024 * 1024 * 1024 } as const;

export type Detection = { ok: true; kind: DocumentKind; mediaType: string } | { ok: false; reason: 'empty' | 'executable' | 'mismatch' | 'unknown' };

const EXECUTABLE_EXTENSIONS = new Set([
  'exe',
  'dll',
  'com',
  'scr',
  'msi',
  'msp',
  'bat',
  'cmd',
  'ps1',
  'psm1',
  'vbs',
  'vbe',
  'js',
  'jse',
  'wsf',
  'wsh',
  'hta',
  'cpl',
  'jar',
  'sh',
  'bash',
  'zsh',
  'csh',
  'run',
  'bin',
  'elf',
  'so',
  'dylib',
  'app',
  'apk',
  'deb',
  'rpm',
  'pkg',
  'dmg',
  'lnk',
  'reg',
  'py',
  'pl',
  'rb',
  'docm',
  'xlsm',
  'pptm',
]);

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

function isExecutable(b: Uint8Array): boolean {
  return (
    starts(b, [0x4d, 0x5a]) || // MZ: Windows PE
    starts(b, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    starts(b, [0xfe, 0xed, 0xfa, 0xce]) ||
    starts(b, [0xfe, 0xed, 0xfa, 0xcf]) ||
    starts(b, [0xce, 0xfa, 0xed, 0xfe]) ||
    starts(b, [0xcf, 0xfa, 0xed, 0xfe]) || // Mach-O
    starts(b, [0xca, 0xfe, 0xba, 0xbe]) || // Mach-O universal, Java class
    starts(b, [0x23, 0x21]) // #! script
  );
}

const MEDIA: Record<string, [DocumentKind, string]> = {
  pdf: ['pdf', 'application/pdf'],
  docx: ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xlsx: ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  pptx: ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  odt: ['odt', 'application/vnd.oasis.opendocument.text'],
  ods: ['ods', 'application/vnd.oasis.opendocument.spreadsheet'],
  png: ['image', 'image/png'],
  jpg: ['image', 'image/jpeg'],
  jpeg: ['image', 'image/jpeg'],
  gif: ['image', 'image/gif'],
  webp: ['image', 'image/webp'],
  tif: ['image', 'image/tiff'],
  tiff: ['image', 'image/tiff'],
  eml: ['email', 'message/rfc822'],
  msg: ['email', 'application/vnd.ms-outlook'],
  txt: ['text', 'text/plain'],
};

/** The entries of an Office or OpenDocument package (only its directory is read). */
function zipEntries(b: Uint8Array): string[] | undefined {
  const names: string[] = [];
  try {
    unzipSync(b, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return names;
}

function contentMatches(ext: string, b: Uint8Array): boolean {
  switch (ext) {
    case 'pdf':
      return starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
    case 'docx':
    case 'xlsx':
    case 'pptx':
    case 'odt':
    case 'ods': {
      if (!starts(b, [0x50, 0x4b, 0x03, 0x04])) return false;
      const names = zipEntries(b);
      if (!names) return false;
      // Macros are code: a package carrying a VBA project is refused as an executable would be.
      if (names.some((n) => /vbaProject\.bin$/i.test(n))) return false;
      const marker = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml', pptx: 'ppt/presentation.xml', odt: 'content.xml', ods: 'content.xml' }[ext];
      return names.includes(marker);
    }
    case 'png':
      return starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpg':
    case 'jpeg':
      return starts(b, [0xff, 0xd8, 0xff]);
    case 'gif':
      return starts(b, [0x47, 0x49, 0x46, 0x38]);
    case 'webp':
      return starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b, [0x57, 0x45, 0x42, 0x50], 8);
    case 'tif':
    case 'tiff':
      return starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a]);
    case 'msg':
      return starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'eml': {
      const head = Buffer.from(b.subarray(0, 4096)).toString('latin1');
      return !head.includes('\0') && /^(Received|From|Return-Path|MIME-Version|Date|Subject|To|Message-ID|Delivered-To|X-[\w-]+):/im.test(head);
    }
    case 'txt':
      return !Buffer.from(b.subarray(0, 8192)).includes(0);
    default:
      return false;
  }
}

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name.trim());
  return m ? m[1].toLowerCase() : '';
}

/** What the file named `name` with these bytes is, or why it is refused. */
export function detectDocument(name: string, bytes: Uint8Array): Detection {
  if (!bytes.length) return { ok: false, reason: 'empty' };
  const ext = extensionOf(name);
  if (isExecutable(bytes) || EXECUTABLE_EXTENSIONS.has(ext)) return { ok: false, reason: 'executable' };
  const media = MEDIA[ext];
  if (!media) return { ok: false, reason: 'unknown' };
  if (!contentMatches(ext, bytes)) return { ok: false, reason: ext === 'docx' || ext === 'xlsx' || ext === 'pptx' ? macroOrMismatch(bytes) : 'mismatch' };
  return { ok: true, kind: media[0], mediaType: media[1] };
}

function macroOrMismatch(b: Uint8Array): 'executable' | 'mismatch' {
  const names = starts(b, [0x50, 0x4b, 0x03, 0x04]) ? zipEntries(b) : undefined;
  return names?.some((n) => /vbaProject\.bin$/i.test(n)) ? 'executable' : 'mismatch';
}
