/** Reference data: countries with EEA membership and adequacy status, and vocabulary labels. */
import { useMemo, useState } from 'react';
import { ADEQUACY_STATUSES, VOCABULARY_KINDS, type VocabularyKind } from '../../core/model/codes.js';
import type { Country, VocabularyTerm } from '../../core/model/register.js';
import { ApiCallError, call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { CheckboxField, SelectField, TextArea, TextField } from '../components/fields.js';
import { FormModal } from '../components/modal.js';
import { fold } from '../text.js';
import { inLang } from '../../core/i18n/localized.js';
import { DatasetDate, OrganisationsTable, ReferenceDatasetPanel } from './legal-fields.js';

const EDITABLE_KINDS: VocabularyKind[] = ['data_category', 'data_subject_category'];

export function ReferenceScreen() {
  const t = useT();
  const [tab, setTab] = useState<'countries' | 'vocabularies'>('countries');
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{t('ref.title')}</h1>
      </header>
      <ReferenceDatasetPanel />
      <div role="tablist" aria-label={t('ref.title')} className="tabs">
        {(['countries', 'vocabularies'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`ref-tab-${k}`}
            aria-selected={tab === k}
            aria-controls="ref-panel"
            className={tab === k ? 'tab active' : 'tab'}
            onClick={() => setTab(k)}
          >
            {k === 'countries' ? t('ref.countries') : t('ref.vocabularies')}
          </button>
        ))}
      </div>
      <div id="ref-panel" role="tabpanel" aria-labelledby={`ref-tab-${tab}`} className="ref-panel">
        {tab === 'countries' ? <Countries /> : <Vocabularies />}
      </div>
    </div>
  );
}

function Countries() {
  const app = useApp();
  const t = useT();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Country | null>(null);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const shown = useMemo(() => {
    const f = fold(q.trim());
    return app.countries.filter((c) => !f || fold(`${c.code} ${c.nameFr} ${c.nameEn}`).includes(f));
  }, [q, app.countries]);
  const save = async () => {
    if (!editing) return;
    try {
      await call('reference/updateCountry', editing);
      await app.reloadReference();
      setEditing(null);
      app.notify(t('ref.saved'));
    } catch (e) {
      if (e instanceof ApiCallError) setErrors(new Map(e.details.map((d) => [d.path, d.message])));
      setMessage((e as Error).message);
    }
  };
  return (
    <>
      <div className="filterbar">
        <div className="search">
          <label htmlFor="country-search" className="visually-hidden">
            {t('ref.countrySearch')}
          </label>
          <input id="country-search" type="search" placeholder={t('ref.countrySearch')} value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
      </div>
      <div className="table-scroll static">
        <table className="grid compact" aria-label={t('ref.countries')}>
          <thead>
            <tr>
              <th scope="col">{t('ref.code')}</th>
              <th scope="col">{t('f.country')}</th>
              <th scope="col">{t('ref.eea')}</th>
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
            {shown.map((c) => (
              <tr key={c.code}>
                <td>{c.code}</td>
                <td>{inLang(c, 'name', app.lang)}</td>
                <td>{c.eea ? t('common.yes') : t('common.no')}</td>
                <td>
                  <span className={`adequacy adequacy-${c.adequacy}`}>{t(`adequacy.${c.adequacy}`)}</span>
                  {inLang(c, 'adequacyScope', app.lang) ? <div className="muted small">{inLang(c, 'adequacyScope', app.lang)}</div> : null}
                  {c.dpoEdited ? <div className="muted small">{t('legal.dataset.dpoEdited')}</div> : null}
                </td>
                <td>{c.adequacyDecisionDate}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={t('ref.editCountry', { name: inLang(c, 'name', app.lang) })}
                    onClick={() => {
                      setEditing({ ...c });
                      setErrors(new Map());
                      setMessage(null);
                    }}
                  >
                    {t('common.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <OrganisationsTable />
      {editing ? (
        <FormModal
          title={t('ref.editCountry', { name: inLang(editing, 'name', app.lang) })}
          cancelLabel={t('common.cancel')}
          saveLabel={t('common.save')}
          errors={errors}
          message={message}
          onSave={() => void save()}
          onClose={() => setEditing(null)}
        >
          <div className="grid-2">
            <TextField label={t('ref.nameFr')} value={editing.nameFr} onChange={(v) => setEditing({ ...editing, nameFr: v })} path="nameFr" />
            <TextField label={t('ref.nameEn')} value={editing.nameEn} onChange={(v) => setEditing({ ...editing, nameEn: v })} path="nameEn" />
            <SelectField
              label={t('ref.adequacy')}
              value={editing.adequacy}
              onChange={(v) => setEditing({ ...editing, adequacy: v as Country['adequacy'] })}
              path="adequacy"
              options={ADEQUACY_STATUSES.map((s) => ({ value: s, label: t(`adequacy.${s}`) }))}
            />
            <TextField
              label={t('ref.decisionDate')}
              type="date"
              value={editing.adequacyDecisionDate}
              onChange={(v) => setEditing({ ...editing, adequacyDecisionDate: v })}
              path="adequacyDecisionDate"
            />
          </div>
          <CheckboxField label={t('ref.eea')} checked={editing.eea} onChange={(v) => setEditing({ ...editing, eea: v })} path="eea" />
          <TextArea label={t('ref.scopeFr')} value={editing.adequacyScopeFr} onChange={(v) => setEditing({ ...editing, adequacyScopeFr: v })} path="adequacyScopeFr" rows={2} />
          <TextArea label={t('ref.scopeEn')} value={editing.adequacyScopeEn} onChange={(v) => setEditing({ ...editing, adequacyScopeEn: v })} path="adequacyScopeEn" rows={2} />
        </FormModal>
      ) : null}
    </>
  );
}

function Vocabularies() {
  const app = useApp();
  const t = useT();
  const [kind, setKind] = useState<VocabularyKind>('data_category');
  const [editing, setEditing] = useState<(VocabularyTerm & { isNew?: boolean }) | null>(null);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const list = app.terms.get(kind) ?? [];
  const save = async () => {
    if (!editing) return;
    try {
      const { isNew: _n, custom: _c, ...input } = editing;
      await call('reference/saveTerm', input);
      await app.reloadReference();
      setEditing(null);
      app.notify(t('ref.saved'));
    } catch (e) {
      if (e instanceof ApiCallError) setErrors(new Map(e.details.map((d) => [d.path, d.message])));
      setMessage((e as Error).message);
    }
  };
  return (
    <>
      <div className="filterbar">
        <SelectField
          label={t('ref.kind')}
          value={kind}
          onChange={(v) => setKind(v as VocabularyKind)}
          options={VOCABULARY_KINDS.map((k) => ({ value: k, label: t(`ref.kind.${k}`) }))}
        />
        {EDITABLE_KINDS.includes(kind) ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setEditing({ kind, code: '', labelFr: '', labelEn: '', article: '', legacy: false, special: false, custom: true, sort: 1000, isNew: true });
              setErrors(new Map());
              setMessage(null);
            }}
          >
            + {t('ref.addTerm')}
          </button>
        ) : null}
      </div>
      <table className="grid compact" aria-label={t(`ref.kind.${kind}`)}>
        <thead>
          <tr>
            <th scope="col">{t('ref.code')}</th>
            <th scope="col">{t('ref.labelFr')}</th>
            <th scope="col">{t('ref.labelEn')}</th>
            <th scope="col">{t('ref.article')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((x) => (
            <tr key={x.code}>
              <td>
                <code>{x.code}</code>
                {x.legacy ? <span className="badge muted-badge">{t('ref.legacy')}</span> : null}
                {x.special ? <span className="badge warn">Art. 9/10</span> : null}
              </td>
              <td>{x.labelFr}</td>
              <td>{x.labelEn}</td>
              <td>{x.article}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-label={`${t('common.edit')} ${inLang(x, 'label', app.lang)}`}
                  onClick={() => {
                    setEditing({ ...x });
                    setErrors(new Map());
                    setMessage(null);
                  }}
                >
                  {t('common.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <FormModal
          title={editing.isNew ? t('ref.addTerm') : `${t('common.edit')} — ${editing.code}`}
          cancelLabel={t('common.cancel')}
          saveLabel={t('common.save')}
          errors={errors}
          message={message}
          onSave={() => void save()}
          onClose={() => setEditing(null)}
        >
          {editing.isNew ? <TextField label={t('ref.newCode')} value={editing.code} onChange={(v) => setEditing({ ...editing, code: v })} path="code" /> : null}
          <TextField label={t('ref.labelFr')} value={editing.labelFr} onChange={(v) => setEditing({ ...editing, labelFr: v })} path="labelFr" />
          <TextField label={t('ref.labelEn')} value={editing.labelEn} onChange={(v) => setEditing({ ...editing, labelEn: v })} path="labelEn" />
          <TextField label={t('ref.article')} value={editing.article} onChange={(v) => setEditing({ ...editing, article: v })} path="article" />
          {kind === 'data_category' ? (
            <CheckboxField label={t('f.special')} checked={editing.special} onChange={(v) => setEditing({ ...editing, special: v })} path="special" />
          ) : null}
        </FormModal>
      ) : null}
    </>
  );
}
