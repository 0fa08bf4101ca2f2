/**
 * `art30 attach REF FILE`, `art30 documents list|remove|replace` and `art30 verify-bundle FILE.zip`:
 * documents kept in the register and the audit bundle (issue 23).
 */
import os from 'node:os';
import path from 'node:path';
import { t, type Lang } from '../../core/i18n/i18n.js';
import { readInputFile, organisationOption, printJson, UsageError, EXIT, type Command, type CommandContext } from '../command.js';

const OWNER_TYPES = ['activity', 'dpia', 'contract', 'breach', 'request'] as const;
type OwnerType = (typeof OWNER_TYPES)[number];

function toOption(ctx: CommandContext): OwnerType | undefined {
  const v = ctx.values.to;
  if (v === undefined) return undefined;
  if (!(OWNER_TYPES as readonly unknown[]).includes(v)) throw new UsageError(t(ctx.lang, 'documents.cli.badTo'));
  return v as OwnerType;
}

function whoAmI(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

/** 15 KB, 2.4 MB: a document's size as the DPO reads it. */
export function sizeText(lang: Lang, bytes: number): string {
  return bytes < 1024 * 1024
    ? t(lang, 'documents.sizeKb', { size: Math.max(1, Math.round(bytes / 1024)) })
    : t(lang, 'documents.sizeMb', { size: Math.round((bytes / 1048576) * 10) / 10 });
}

export const attachCommand: Command = {
  name: 'attach',
  options: { org: { type: 'string' }, to: { type: 'string' }, audience: { type: 'string' }, note: { type: 'string' }, by: { type: 'string' } },
  async run(ctx) {
    const [ref, file] = ctx.positionals;
    if (!ref || !file) throw new UsageError(t(ctx.lang, 'documents.cli.needRefFile'));
    readInputFile(file);
    const owner = await ctx.call('documents/resolveOwner', { ref, organisationId: await organisationOption(ctx), to: toOption(ctx) });
    const audience = ctx.values.audience as 'internal' | 'authority' | 'public' | undefined;
    const doc = await ctx.call('documents/addFile', {
      ownerType: owner.type,
      ownerId: owner.id,
      path: path.resolve(file),
      audience,
      note: ctx.values.note as string | undefined,
      addedBy: (ctx.values.by as string | undefined) ?? whoAmI(),
    });
    if (ctx.json) return void printJson(ctx.io, doc);
    ctx.io.stdout(
      `${t(ctx.lang, 'documents.cli.attached', { name: doc.name, owner: `${t(ctx.lang, `documents.owner.${owner.type}`)} ${owner.ref}`, size: doc.size, sha256: doc.sha256 })}\n`,
    );
  },
};

export const documentsCommand: Command = {
  name: 'documents',
  options: { org: { type: 'string' }, to: { type: 'string' } },
  async run(ctx) {
    const [action = 'list', arg, file] = ctx.positionals;
    if (action === 'list') {
      const organisationId = await organisationOption(ctx);
      let filter: { activityId?: number; ownerType?: OwnerType; ownerId?: number; organisationId?: number } = { organisationId };
      if (arg) {
        const owner = await ctx.call('documents/resolveOwner', { ref: arg, organisationId, to: toOption(ctx) });
        filter = owner.type === 'activity' && !ctx.values.to ? { activityId: owner.id } : { ownerType: owner.type, ownerId: owner.id };
      }
      const list = await ctx.call('documents/list', filter);
      if (ctx.json) return void printJson(ctx.io, list);
      if (!list.length) return void ctx.io.stdout(`${t(ctx.lang, 'documents.none')}\n`);
      const rows = list.map((d) => [
        String(d.id),
        `${t(ctx.lang, `documents.owner.${d.ownerType}`)} ${d.owner.ref}`,
        d.name,
        t(ctx.lang, `documents.kind.${d.kind}`),
        sizeText(ctx.lang, d.size),
        d.addedAt.slice(0, 10),
        d.addedBy,
        t(ctx.lang, `documents.audience.${d.audience}`),
        d.sha256.slice(0, 12),
      ]);
      const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
      for (const r of rows) ctx.io.stdout(`${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')}\n`);
      ctx.io.stdout(`${t(ctx.lang, 'documents.document', { count: list.length })}\n`);
      return;
    }
    if (action !== 'remove' && action !== 'replace') throw new UsageError(t(ctx.lang, 'documents.cli.unknownAction', { action }));
    if (!arg || !/^\d+$/.test(arg)) throw new UsageError(t(ctx.lang, 'documents.cli.sayWhich'));
    const current = await ctx.call('documents/get', { id: Number(arg) });
    if (action === 'remove') {
      await ctx.call('documents/remove', { id: current.id, version: current.version });
      return void ctx.io.stdout(`${t(ctx.lang, 'documents.cli.removed', { id: current.id, name: current.name })}\n`);
    }
    if (!file) throw new UsageError(t(ctx.lang, 'documents.cli.needFile', { usage: 'documents replace ID FILE' }));
    readInputFile(file);
    const doc = await ctx.call('documents/replaceFile', { id: current.id, version: current.version, path: path.resolve(file) });
    if (ctx.json) return void printJson(ctx.io, doc);
    ctx.io.stdout(`${t(ctx.lang, 'documents.cli.replaced', { id: doc.id, name: doc.name, sha256: doc.sha256 })}\n`);
  },
};

export const verifyBundleCommand: Command = {
  name: 'verify-bundle',
  async run(ctx) {
    const [file] = ctx.positionals;
    if (!file) throw new UsageError(t(ctx.lang, 'documents.cli.needFile', { usage: 'verify-bundle FILE.zip' }));
    const bytes = readInputFile(file);
    // No register needed: an inspector checks the bundle on its own.
    const { verifyBundle } = await import('../../core/documents/bundle.js');
    const check = verifyBundle(bytes);
    if (ctx.json) {
      const { manifest: _m, ...rest } = check;
      printJson(ctx.io, rest);
    } else if (check.ok) ctx.io.stdout(`${t(ctx.lang, 'documents.verify.ok', { file, count: check.files })}\n`);
    else if (check.unreadable) {
      ctx.io.stderr(
        `${t(ctx.lang, 'documents.verify.unreadable', { file, reason: check.unreadable === 'manifest.json' ? t(ctx.lang, 'documents.verify.noManifest') : check.unreadable })}\n`,
      );
    } else {
      ctx.io.stderr(`${t(ctx.lang, 'documents.verify.failed', { file, count: check.problems.length })}\n`);
      for (const p of check.problems) ctx.io.stderr(`  - ${t(ctx.lang, `documents.verify.${p.problem}`, { path: p.path })}\n`);
    }
    return check.ok ? EXIT.ok : EXIT.badInput;
  },
};
