/**
 * Collecting a returned file: its preview per activity (what was sent → what the department says,
 * the register now when it changed since), the DPO's decisions (conflicts, retirement, activities to
 * leave, new activities to import), then one write. A file without a campaign stamp goes to the
 * department-file import.
 */
import { useState } from 'react';
import type { ActivityPreview, CampaignPreview, Decision } from '../../core/campaign/collect.js';
import type { CampaignField } from '../../core/campaign/fields.js';
import type { Campaign } from '../../core/campaign/services.js';
import { call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { ImportWizard } from './import-wizard.js';
import { fileBase64, useCollectAnswer } from './campaign-data.js';
import { FilePicker } from '../components/file-picker.js';

interface Picked {
  fileName: string;
  base64: string;
}

export function CollectAnswer(props: { campaign: Campaign; onClose(): void }) {
  const app = useApp();
  const t = useT();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [preview, setPreview] = useState<CampaignPreview | null>(null);
  const [unstamped, setUnstamped] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [skipNew, setSkipNew] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const collect = useCollectAnswer();
  const expect = { campaignId: props.campaign.id, organisationId: props.campaign.organisationId };

  const read = async (file: File) => {
    setError(null);
    setPreview(null);
    setUnstamped(null);
    try {
      const p = { fileName: file.name, base64: await fileBase64(file) };
      const r = await call('campaign/readBytes', { ...p, ...expect });
      setPicked(p);
      if (r.kind === 'unstamped') setUnstamped(r.fileName);
      else {
        setPreview(r);
        setDecisions({});
        setSkipNew([]);
      }
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const decide = (ref: string, d: Decision) => setDecisions((all) => ({ ...all, [ref]: { ...all[ref], ...d } }));
  const commit = async () => {
    if (!picked) return;
    setError(null);
    try {
      const r = await collect.mutateAsync({ ...picked, ...expect, decisions, skipNew });
      app.notify(
        t('campaign.collected', { department: r.department, reviewed: r.reviewed.length, changed: r.changed.length, retired: r.retired.length, created: r.created.length }),
      );
      app.bumpGeneration();
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="campaign-collect">
      <FilePicker
        id={`collect-file-${props.campaign.id}`}
        label={t('campaign.collectFile')}
        accept=".xlsx,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet"
        onFile={(f) => void read(f)}
      />
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      {unstamped ? (
        <div className="banner" role="status">
          <p>{t('campaign.preview.unstamped', { file: unstamped })}</p>
          <button type="button" className="secondary" onClick={() => setImporting(true)}>
            {t('campaign.preview.openImport')}
          </button>
        </div>
      ) : null}
      {importing ? (
        <ImportWizard
          onClose={(changed) => {
            setImporting(false);
            if (changed) app.bumpGeneration();
          }}
        />
      ) : null}
      {preview ? (
        <section aria-labelledby="collect-preview-title">
          <h3 id="collect-preview-title">{t('campaign.preview.title', { department: preview.department.name, ref: preview.campaign.ref })}</h3>
          {preview.activities.map((a) => (
            <ActivityAnswer key={a.ref} a={a} decision={decisions[a.ref] ?? {}} onDecide={(d) => decide(a.ref, d)} />
          ))}
          {preview.newActivities.length ? (
            <fieldset className="field">
              <legend>{t('campaign.preview.new')}</legend>
              {preview.newActivities.map((n) => (
                <label key={n.row} className="check">
                  <input
                    type="checkbox"
                    checked={!skipNew.includes(n.row)}
                    onChange={(e) => setSkipNew((s) => (e.target.checked ? s.filter((r) => r !== n.row) : [...s, n.row]))}
                  />
                  {n.cells.name} — <span className="campaign-note">{n.cells.purpose}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="form-actions">
            <button type="button" className="primary" disabled={collect.isPending} onClick={() => void commit()}>
              {t('campaign.preview.commit')}
            </button>
            <button type="button" className="secondary" onClick={props.onClose}>
              {t('campaign.preview.cancel')}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

const lines = (s: string) => (s ? s.split('\n').map((l, i) => <div key={i}>{l}</div>) : '—');

function ActivityAnswer(props: { a: ActivityPreview; decision: Decision; onDecide(d: Decision): void }) {
  const t = useT();
  const { a, decision } = props;
  const changed = a.fields.filter((f) => f.changed);
  const take = new Set(decision.take ?? []);
  const setTake = (field: CampaignField, on: boolean) => {
    const next = new Set(take);
    if (on) next.add(field);
    else next.delete(field);
    props.onDecide({ take: [...next] });
  };
  return (
    <article className="card campaign-answer" aria-labelledby={`answer-${a.ref}`}>
      <h4 id={`answer-${a.ref}`}>
        {a.ref} — {a.name} : <span className={`campaign-answer-${a.answer}`}>{t(`campaign.answer.${a.answer}`)}</span>
      </h4>
      {a.missing ? <p className="campaign-note">{t('campaign.preview.missing')}</p> : null}
      {a.answerInferred ? <p className="campaign-note">{t('campaign.preview.inferred')}</p> : null}
      {a.comment ? (
        <p>
          {t('campaign.col.comment')} : {a.comment}
        </p>
      ) : null}
      {changed.length ? (
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">{t('campaign.field.name')}</th>
              <th scope="col">{t('campaign.preview.sent')}</th>
              <th scope="col">{t('campaign.preview.answer')}</th>
              <th scope="col">{t('campaign.preview.current')}</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((f) => (
              <tr key={f.field} className={f.conflict ? 'conflict' : undefined}>
                <th scope="row">{t(`campaign.col.${f.field}`)}</th>
                <td>{lines(f.sent)}</td>
                <td>{lines(f.answer)}</td>
                <td>
                  {lines(f.current)}
                  {f.conflict ? (
                    <fieldset className="campaign-conflict">
                      <legend>{t('campaign.preview.conflict')}</legend>
                      <label className="check">
                        <input type="radio" name={`conflict-${a.ref}-${f.field}`} checked={!take.has(f.field)} onChange={() => setTake(f.field, false)} />
                        {t('campaign.preview.keepRegister')}
                      </label>
                      <label className="check">
                        <input type="radio" name={`conflict-${a.ref}-${f.field}`} checked={take.has(f.field)} onChange={() => setTake(f.field, true)} />
                        {t('campaign.preview.takeDepartment')}
                      </label>
                    </fieldset>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : a.answer !== 'retired' ? (
        <p className="campaign-note">{t('campaign.preview.noChange')}</p>
      ) : null}
      {a.answer === 'retired' ? (
        <label className="check">
          <input type="checkbox" checked={decision.retire !== false} onChange={(e) => props.onDecide({ retire: e.target.checked })} />
          {t('campaign.preview.retire')}
        </label>
      ) : null}
      {a.answer !== 'none' && !a.missing ? (
        <label className="check">
          <input type="checkbox" checked={Boolean(decision.skip)} onChange={(e) => props.onDecide({ skip: e.target.checked })} />
          {t('campaign.preview.skip')}
        </label>
      ) : null}
    </article>
  );
}
