/**
 * An e-mail draft as a `.eml` file (RFC 5322 / MIME): Outlook opens it as a draft to send
 * (`X-Unsent: 1`), Thunderbird as a message to edit and send; the workbook is attached. Nothing is
 * sent: no network is needed.
 */
import { randomBytes } from 'node:crypto';

export interface EmlDraft {
  to: string;
  subject: string;
  body: string;
  date: string;
  attachment: { fileName: string; contentType: string; data: Buffer };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An RFC 2047 encoded word when the text is not plain ASCII. */
function header(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

const lines76 = (b64: string) => b64.replace(/.{1,76}/g, '$&\r\n');

export function buildEml(d: EmlDraft): Buffer {
  const boundary = `art30-${randomBytes(12).toString('hex')}`;
  const name = d.attachment.fileName.replace(/["\\\r\n]/g, '_');
  const encodedName = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const parts = [
    'X-Unsent: 1',
    `To: ${header(d.to.replace(/[\r\n]/g, ' '))}`,
    `Subject: ${header(d.subject.replace(/[\r\n]/g, ' '))}`,
    `Date: ${new Date(d.date).toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    lines76(Buffer.from(d.body.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64')),
    `--${boundary}`,
    `Content-Type: ${d.attachment.contentType}; name="${header(name)}"`,
    `Content-Disposition: attachment; filename="${header(name)}"; filename*=UTF-8''${encodedName}`,
    'Content-Transfer-Encoding: base64',
    '',
    lines76(d.attachment.data.toString('base64')),
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(parts.join('\r\n'), 'utf8');
}
