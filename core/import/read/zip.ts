/**
 * A small, defensive ZIP reader for XLSX and ODS files: reads the central directory, then inflates
 * only the parts asked for, with a budget on the uncompressed size (zip bombs) and clear errors for
 * truncated, encrypted or damaged archives. Uses Node's zlib (native, with `maxOutputLength`).
 */
import zlib from 'node:zlib';
import { AppError, text, type MessageParams } from '../../errors.js';
import { formatBytes, IMPORT_LIMITS } from './limits.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly data: Buffer,
    private readonly fileName: string,
    private readonly limits = IMPORT_LIMITS,
  ) {
    this.readDirectory();
  }

  /** `why`: a key of `errors.zip.*` (what is wrong in the archive), with its parameters. */
  private damaged(why: string, params?: MessageParams): AppError {
    return new AppError('bad_input', text('errors.zip.damaged', { file: this.fileName, why: text(`errors.zip.${why}`, params) }));
  }

  private readDirectory(): void {
    const d = this.data;
    let eocd = -1;
    for (let i = d.length - 22; i >= Math.max(0, d.length - 22 - 65535); i--) {
      if (d.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw this.damaged('endMissing');
    const count = d.readUInt16LE(eocd + 10);
    const dirSize = d.readUInt32LE(eocd + 12);
    const dirOffset = d.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || count === 0xffff) throw new AppError('bad_input', text('errors.zip.zip64', { file: this.fileName }));
    if (dirOffset + dirSize > d.length) throw this.damaged('tocOutside');
    let p = dirOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > d.length || d.readUInt32LE(p) !== 0x02014b50) throw this.damaged('tocCorrupt');
      const flags = d.readUInt16LE(p + 8);
      const method = d.readUInt16LE(p + 10);
      const compressedSize = d.readUInt32LE(p + 20);
      const size = d.readUInt32LE(p + 24);
      const nameLen = d.readUInt16LE(p + 28);
      const extraLen = d.readUInt16LE(p + 30);
      const commentLen = d.readUInt16LE(p + 32);
      const localOffset = d.readUInt32LE(p + 42);
      const name = d.toString('utf8', p + 46, p + 46 + nameLen);
      this.entries.set(name.replace(/^\/+/, ''), { name, method, flags, compressedSize, size, localOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The bytes of one part, or undefined when the archive has no such part. */
  read(name: string): Buffer | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.flags & 1) throw new AppError('bad_input', text('errors.zip.password', { file: this.fileName }));
    const d = this.data;
    if (e.localOffset + 30 > d.length || d.readUInt32LE(e.localOffset) !== 0x04034b50) throw this.damaged('partMissing', { name });
    const start = e.localOffset + 30 + d.readUInt16LE(e.localOffset + 26) + d.readUInt16LE(e.localOffset + 28);
    const end = start + e.compressedSize;
    if (end > d.length) throw this.damaged('partCut', { name });
    const raw = d.subarray(start, end);
    const budget = this.limits.maxUncompressedBytes - this.inflated;
    if (e.size > budget) throw this.tooBig();
    if (e.compressedSize > 0 && e.size / e.compressedSize > this.limits.maxCompressionRatio && e.size > 1024 * 1024) throw this.bomb(name);
    let out: Buffer;
    if (e.method === 0) out = Buffer.from(raw);
    else if (e.method === 8) {
      // The declared size may lie: the real output is capped whatever the header says.
      const cap = Math.min(budget, e.size + 1);
      try {
        out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(cap, 1) });
      } catch (error) {
        const err = error as { code?: string; message?: string };
        if (err.code === 'ERR_BUFFER_TOO_LARGE' || /larger than|maxOutputLength/i.test(err.message ?? '')) {
          throw e.size > budget ? this.tooBig() : this.bomb(name);
        }
        throw this.damaged('partInflate', { name, reason: err.message });
      }
    } else throw new AppError('bad_input', text('errors.zip.method', { file: this.fileName, method: e.method }));
    if (out.length !== e.size) throw this.damaged('partSize', { name });
    this.inflated += out.length;
    return out;
  }

  readText(name: string): string | undefined {
    const b = this.read(name);
    return b === undefined ? undefined : b.toString('utf8');
  }

  private tooBig(): AppError {
    return new AppError('bad_input', text('errors.zip.tooBig', { file: this.fileName, limit: formatBytes(this.limits.maxUncompressedBytes) }));
  }

  private bomb(name: string): AppError {
    return new AppError('bad_input', text('errors.zip.bomb', { file: this.fileName, name, ratio: this.limits.maxCompressionRatio }));
  }
}
