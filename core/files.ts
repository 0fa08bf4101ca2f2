import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A temporary file beside `target`, renamed over it only once complete. */
export function temporaryPathFor(target: string): string {
  return path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.${Date.now()}.partial`);
}

/** Writes a file completely or not at all: a failure leaves no half-written file behind. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const tmp = temporaryPathFor(target);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}
