/**
 * The mapping step's explanations: why each column was mapped (its header's words, a synonym, the
 * cells' content), obvious headers left unmapped flagged rather than silently ignored, and the
 * required fields no column gives (one message per sheet, with the closest columns).
 */
import type { Translate } from '../app-context.js';

interface Why {
  key: string;
  params?: Record<string, string | number | boolean | null | undefined>;
}

/** A catalogue message whose `kind` parameter is itself a key ("country" → "noms de pays"). */
export function whyText(t: Translate, why: Why): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(why.params ?? {})) if (v !== null && v !== undefined) params[k] = typeof v === 'boolean' ? String(v) : v;
  if (typeof params.kind === 'string') params.kind = t(`mapping.kind.${params.kind}`);
  return t(why.key, params);
}

/** Under a column's field: the reason of the mapping, or a flag on an obvious header left unmapped. */
export function MappingWhy(props: { t: Translate; why?: Why | null; id: string }) {
  const { t, why } = props;
  if (!why) return null;
  const flagged = why.key === 'mapping.unmapped.obvious';
  return (
    <div id={props.id} className={flagged ? 'small mapping-flag' : 'muted small mapping-why'} role={flagged ? 'note' : undefined}>
      {flagged ? <span className="badge warn">!</span> : null} {whyText(t, why)}
    </div>
  );
}

/** The sheet's messages about required fields without a column. */
export function MissingFields(props: { t: Translate; messages?: Why[] | null }) {
  if (!props.messages?.length) return null;
  return (
    <div className="field-error mapping-missing" role="alert">
      {props.messages.map((m, i) => (
        <p key={i}>{whyText(props.t, m)}</p>
      ))}
    </div>
  );
}

/** "Import as drafts": rows lacking a required field become drafts, each with a point to review. */
export function DraftsOption(props: { t: Translate; checked: boolean; disabled?: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="checkbox-field">
      <input type="checkbox" checked={props.checked} disabled={props.disabled} onChange={(e) => props.onChange(e.target.checked)} /> {props.t('mapping.drafts.option')}
    </label>
  );
}
