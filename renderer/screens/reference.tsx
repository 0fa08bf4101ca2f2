/** Reference data: countries with EEA membership and adequacy status, and vocabulary labels. */
import { useMemo, useState } from 'react';
import { VOCABULARY_KINDS, type VocabularyKind } from '../../core/model/codes.js';
import type { Country, InternationalOrganisation, VocabularyTerm } from '../../core/model/register.js';
import { ApiCallError, call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { CheckboxField, SelectField, TextField } from '../components/fields.js';
import { FormModal } from '../components/modal.js';
import { fold } from '../text.js';
import { inLang } from '../../core/i18n/localized.js';
import { DestinationEditor, DestinationTable, useDestinationEditor } from './destination-table.js';
import { forgetDestinations, ReferenceDatasetPanel, useDestinations } from './legal-fields.js';
import { ModelsDataPanel } from './models/models-data-panel.js';

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
      <ModelsDataPanel />
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
  const editor = useDestinationEditor<Country>(async (country) => {
    await call('reference/updateCountry', country);
    await app.reloadReference();
    app.notify(t('ref.saved'));
  });
  const shown = useMemo(() => {
    const f = fold(q.trim());
    return app.countries.filter((c) => !f || fold(`${c.code} ${c.nameFr} ${c.nameEn}`).includes(f));
  }, [q, app.countries]);
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
      <DestinationTable rows={shown} label={t('ref.countries')} nameHeader={t('f.country')} withEea onEdit={editor.open} />
      <InternationalOrganisations />
      <DestinationEditor editor={editor} withEea />
    </>
  );
}

/** The international organisations (transfer destinations), with their adequacy status; the DPO can change one. */
function InternationalOrganisations() {
  const app = useApp();
  const { t, lang } = app;
  const { destinations } = useDestinations();
  const editor = useDestinationEditor<InternationalOrganisation>(async (organisation) => {
    const { eea: _e, kind: _k, dpoEdited: _d, ...input } = organisation;
    await call('reference/saveOrganisation', input);
    await forgetDestinations();
    app.bumpGeneration();
    app.notify(t('ref.saved'));
  });
  const organisations = destinations
    .filter((d): d is InternationalOrganisation => d.kind === 'organisation')
    .sort((a, b) => inLang(a, 'name', lang).localeCompare(inLang(b, 'name', lang), lang));
  return (
    <section aria-labelledby="io-heading">
      <h2 id="io-heading">{t('legal.destination.organisations')}</h2>
      <DestinationTable
        rows={organisations}
        label={t('legal.destination.organisations')}
        nameHeader={t('legal.destination.organisation')}
        withEea={false}
        onEdit={(c) => editor.open(c as InternationalOrganisation)}
      />
      <DestinationEditor editor={editor} withEea={false} />
    </section>
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
              {/* The term by its wording: its code is the register's, never shown (the DPO types one only for a new term). */}
              <td>
                {x.labelFr}
                {x.legacy ? <span className="badge muted-badge">{t('ref.legacy')}</span> : null}
                {x.special ? <span className="badge warn">Art. 9/10</span> : null}
              </td>
              <td lang="en">{x.labelEn}</td>
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
          title={editing.isNew ? t('ref.addTerm') : `${t('common.edit')} — ${inLang(editing, 'label', app.lang)}`}
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
