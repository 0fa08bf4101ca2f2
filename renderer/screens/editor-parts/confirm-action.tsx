/** The confirmation before duplicating, retiring or deleting an activity. */
import { useT } from '../../app-context.js';
import { ConfirmDialog } from '../../components/modal.js';
import type { ActivityAction } from '../../hooks/use-activity-form.js';

const TEXTS: Record<ActivityAction, { title: string; text: string; label: string }> = {
  duplicate: { title: 'editor.confirmDuplicateTitle', text: 'editor.confirmDuplicate', label: 'editor.duplicate' },
  retire: { title: 'editor.confirmRetireTitle', text: 'editor.confirmRetire', label: 'editor.retire' },
  delete: { title: 'editor.confirmDeleteTitle', text: 'editor.confirmDelete', label: 'editor.delete' },
};

export function ConfirmAction(props: { action: ActivityAction; onCancel(): void; onConfirm(): void }) {
  const t = useT();
  const texts = TEXTS[props.action];
  return (
    <ConfirmDialog
      title={t(texts.title)}
      text={t(texts.text)}
      confirmLabel={t(texts.label)}
      cancelLabel={t('common.cancel')}
      danger={props.action === 'delete'}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    />
  );
}
