/** The editor's submit button (in the header and at the foot of the sections). */
import { useT } from '../../app-context.js';

export function SaveButton(props: { saving: boolean }) {
  const t = useT();
  return (
    <button type="submit" className="primary" disabled={props.saving}>
      {props.saving ? t('common.saving') : t('common.save')}
    </button>
  );
}
