/**
 * Transfer destinations on the Reference data screen: the countries and the international
 * organisations share one table and one editor (an organisation has no EEA membership).
 */
import { useState } from 'react';
import { inLang } from '../../core/i18n/localized.js';
import { ADEQUACY_STATUSES } from '../../core/model/codes.js';
import type { Country } from '../../core/model/register.js';
import { ApiCallError } from '../api/client.js';
import { typography, useApp } from '../app-context.js';
import { CheckboxField, SelectField, TextArea, TextField } from '../components/fields.js';
import { FormModal } from '../components/modal.js';
import { DatasetDate } from './legal-fields.js';
import { formatDateInput } from '../components/date-input.js';

export function DestinationTable(props: { rows: Country[]; label: string; nameHeader: string; withEea: boolean; onEdit(c: Country): void }) {
  const { t, lang } = useApp();
  return (
    <div className="table-scroll static">
      <table className="grid compact" aria-label={props.label}>
        <thead>
          <tr>
            <th scope="col">{props.nameHeader}</th>
            {props.withEea ? <th scope="col">{t('ref.eea')}</th> : null}
            <th scope="col">
              {t('ref.adequacy')} <DatasetDate />
            </th>
            <th scope="col">{t('ref.decisionDate')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((c) => (
            <tr key={c.code}>
              {/* The country by its name: its code (US, IN) says nothing a DPO needs; searching by it still works. */}
              <td>{inLang(c, 'name', lang)}</td>
              {props.withEea ? <td>{c.eea ? t('common.yes') : t('common.no')}</td> : null}
              <td>
                <span className={`adequacy adequacy-${c.adequacy}`}>{t(`adequacy.${c.adequacy}`)}</span>
                {inLang(c, 'adequacyScope', lang) ? <div className="muted small">{typography(lang)(inLang(c, 'adequacyScope', lang))}</div> : null}
                {c.dpoEdited ? <div className="muted small">{t('legal.dataset.dpoEdited')}</div> : null}
              </td>
              <td>{formatDateInput(c.adequacyDecisionDate)}</td>
              <td>
                <button type="button" className="link" aria-label={t('ref.editCountry', { name: inLang(c, 'name', lang) })} onClick={() => props.onEdit(c)}>
                  {t('common.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The destination being edited, its errors, and the save that closes the editor when it succeeds. */
export function useDestinationEditor<T extends Country>(save: (entry: T) => Promise<void>) {
  const [editing, setEditing] = useState<T | null>(null);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  return {
    editing,
    errors,
    message,
    change: (entry: T) => setEditing(entry),
    open: (entry: T) => {
      setEditing({ ...entry });
      setErrors(new Map());
      setMessage(null);
    },
    close: () => setEditing(null),
    submit: async () => {
      if (!editing) return;
      try {
        await save(editing);
        setEditing(null);
      } catch (e) {
        if (e instanceof ApiCallError) setErrors(new Map(e.details.map((d) => [d.path, d.message])));
        setMessage((e as Error).message);
      }
    },
  };
}

/** The editor of a country (with its EEA membership) or of an international organisation. */
export function DestinationEditor<T extends Country>(props: { editor: ReturnType<typeof useDestinationEditor<T>>; withEea: boolean }) {
  const { t, lang } = useApp();
  const { editing, change } = props.editor;
  if (!editing) return null;
  const statuses = props.withEea ? ADEQUACY_STATUSES : ADEQUACY_STATUSES.filter((s) => s !== 'eea');
  return (
    <FormModal
      title={t('ref.editCountry', { name: inLang(editing, 'name', lang) })}
      cancelLabel={t('common.cancel')}
      saveLabel={t('common.save')}
      errors={props.editor.errors}
      message={props.editor.message}
      onSave={() => void props.editor.submit()}
      onClose={props.editor.close}
    >
      <div className="grid-2">
        <TextField label={t('ref.nameFr')} value={editing.nameFr} onChange={(v) => change({ ...editing, nameFr: v })} path="nameFr" />
        <TextField label={t('ref.nameEn')} value={editing.nameEn} onChange={(v) => change({ ...editing, nameEn: v })} path="nameEn" />
        <SelectField
          label={t('ref.adequacy')}
          value={editing.adequacy}
          onChange={(v) => change({ ...editing, adequacy: v as Country['adequacy'] })}
          path="adequacy"
          options={statuses.map((s) => ({ value: s, label: t(`adequacy.${s}`) }))}
        />
        <TextField
          label={t('ref.decisionDate')}
          type="date"
          value={editing.adequacyDecisionDate}
          onChange={(v) => change({ ...editing, adequacyDecisionDate: v })}
          path="adequacyDecisionDate"
        />
      </div>
      {props.withEea ? <CheckboxField label={t('ref.eea')} checked={editing.eea} onChange={(v) => change({ ...editing, eea: v })} path="eea" /> : null}
      <TextArea label={t('ref.scopeFr')} value={editing.adequacyScopeFr} onChange={(v) => change({ ...editing, adequacyScopeFr: v })} path="adequacyScopeFr" rows={2} />
      <TextArea label={t('ref.scopeEn')} value={editing.adequacyScopeEn} onChange={(v) => change({ ...editing, adequacyScopeEn: v })} path="adequacyScopeEn" rows={2} />
    </FormModal>
  );
}
