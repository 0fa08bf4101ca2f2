/**
 * Department review campaigns (issue 22): create a campaign (whom to send to, due date, message,
 * language), download its workbooks and e-mail drafts, follow each department (sent, returned, late),
 * download the reminder drafts, and collect a returned file (campaign-collect.tsx).
 */
import { useState } from 'react';
import type { Campaign } from '../../core/campaign/services.js';
import { formatDate } from '../../core/records/labels.js';
import { call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { DateInput } from '../components/date-input.js';
import { useDirty } from '../hooks/use-dirty.js';
import { CollectAnswer } from './campaign-collect.js';
import { CampaignHistory } from './campaign-history.js';
import { openDownload, useCampaignGroups, useCampaigns, useCreateCampaign } from './campaign-data.js';

export function CampaignsScreen() {
  const app = useApp();
  const t = useT();
  const campaigns = useCampaigns(app.orgId, app.generation);
  const [creating, setCreating] = useState(false);
  return (
    <div className="screen campaigns-screen">
      <header className="screen-header">
        <h1>{t('campaign.title')}</h1>
        <div className="toolbar">
          {!creating ? (
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              + {t('campaign.new')}
            </button>
          ) : null}
        </div>
      </header>
      <p className="intro">{t('campaign.intro')}</p>
      {creating ? <NewCampaign onDone={() => setCreating(false)} /> : null}
      {campaigns.data?.length === 0 && !creating ? <p className="campaign-note">{t('campaign.none')}</p> : null}
      {campaigns.data?.map((c) => (
        <CampaignCard key={c.id} campaign={c} />
      ))}
    </div>
  );
}

function NewCampaign(props: { onDone(): void }) {
  const app = useApp();
  const t = useT();
  const [groupBy, setGroupBy] = useState<'department' | 'owner'>('department');
  const groups = useCampaignGroups(app.orgId, groupBy);
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [message, setMessage] = useState('');
  const [lang, setLang] = useState(app.lang);
  const [emails, setEmails] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const create = useCreateCampaign();
  // Something typed or chosen: leaving or reloading asks first.
  useDirty(Boolean(dueOn || message || Object.keys(emails).length || chosen));
  const names = chosen ?? new Set(groups.data?.map((g) => g.name) ?? []);
  const toggle = (name: string) => {
    const next = new Set(names);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setChosen(next);
  };
  const submit = async () => {
    setError(null);
    if (!names.size) return setError(t('campaign.chooseOne'));
    try {
      const c = await create.mutateAsync({ organisationId: app.orgId!, groupBy, departments: [...names], dueOn, message, lang, emails });
      app.notify(t('campaign.created', { ref: c.ref }));
      props.onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form
      className="card campaign-form"
      aria-labelledby="new-campaign-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="new-campaign-title">{t('campaign.new')}</h2>
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      <fieldset className="field">
        <legend>{t('campaign.groupBy')}</legend>
        {(['department', 'owner'] as const).map((g) => (
          <label key={g} className="check">
            <input
              type="radio"
              name="campaign-group-by"
              checked={groupBy === g}
              onChange={() => {
                setGroupBy(g);
                setChosen(null);
              }}
            />
            {t(`campaign.groupBy.${g}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t(groupBy === 'owner' ? 'campaign.owners' : 'campaign.departments')}</legend>
        {groups.data?.length === 0 ? <p className="muted">{t(`firsthour.noGroups.${groupBy}`)}</p> : null}
        {groups.data?.map((g) => (
          <label key={g.name} className="check">
            <input type="checkbox" checked={names.has(g.name)} onChange={() => toggle(g.name)} />
            {g.name} ({t('campaign.activityCount', { count: g.activities })})
          </label>
        ))}
      </fieldset>
      {groups.data
        ?.filter((g) => names.has(g.name))
        .map((g, i) => (
          <div className="field" key={g.name}>
            <label htmlFor={`campaign-email-${i}`}>{t('campaign.email', { department: g.name })}</label>
            <input
              id={`campaign-email-${i}`}
              type="email"
              autoComplete="off"
              value={emails[g.name] ?? g.email}
              onChange={(e) => setEmails((all) => ({ ...all, [g.name]: e.target.value }))}
            />
          </div>
        ))}
      <div className="grid-2">
        <div className="field">
          <label htmlFor="campaign-due">{t('campaign.dueOn')}</label>
          <DateInput id="campaign-due" required value={dueOn} onChange={setDueOn} />
        </div>
        <div className="field">
          <label htmlFor="campaign-lang">{t('campaign.language')}</label>
          <select id="campaign-lang" value={lang} onChange={(e) => setLang(e.target.value as 'fr' | 'en')}>
            <option value="fr">{t('lang.fr')}</option>
            <option value="en">{t('lang.en')}</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="campaign-message">{t('campaign.message')}</label>
        <textarea id="campaign-message" rows={3} value={message} onChange={(e) => setMessage(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('campaign.create')}
        </button>
        <button type="button" className="secondary" onClick={props.onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function CampaignCard(props: { campaign: Campaign }) {
  const app = useApp();
  const t = useT();
  const c = props.campaign;
  const [collecting, setCollecting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async (reminders: boolean) => {
    setError(null);
    try {
      const r = await call('app/campaignFiles', { id: c.id, reminders, lang: app.lang });
      if (r.cancelled) return;
      if (r.downloadUrl) openDownload(r.downloadUrl);
      else app.notify(t('campaign.written', { count: r.files.length }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const waiting = c.counts.sent + c.counts.late;
  return (
    <section className="card campaign-card" aria-labelledby={`campaign-${c.id}`}>
      <h2 id={`campaign-${c.id}`}>
        {c.ref} — {t('campaign.due', { date: formatDate(app.lang, c.dueOn) })}
      </h2>
      <p>
        <progress max={c.counts.departments} value={c.counts.returned} aria-label={t('campaign.progress', { returned: c.counts.returned, count: c.counts.departments })} />{' '}
        {t('campaign.progress', { returned: c.counts.returned, count: c.counts.departments })}
        {c.counts.late ? (
          <span className="badge record-late">
            {' '}
            {t('campaign.overview.late', { count: c.counts.late })}: {c.counts.late}
          </span>
        ) : null}
      </p>
      {c.message ? <p className="campaign-note">{c.message}</p> : null}
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      <table className="grid compact" aria-label={t(c.groupBy === 'owner' ? 'campaign.owners' : 'campaign.departments')}>
        <thead>
          <tr>
            <th scope="col">{t('campaign.col.department')}</th>
            <th scope="col">{t('campaign.col.state')}</th>
            <th scope="col">{t('campaign.col.sentAt')}</th>
            <th scope="col">{t('campaign.col.returnedAt')}</th>
            <th scope="col">{t('campaign.col.activities')}</th>
          </tr>
        </thead>
        <tbody>
          {c.departments.map((d) => (
            <tr key={d.id}>
              <th scope="row" className="campaign-department">
                {d.name}
              </th>
              <td className={`campaign-state ${d.state}`}>
                {t(`campaign.state.${d.state}`)}
                {d.remindedAt ? <span className="campaign-note"> — {t('campaign.reminded', { date: formatDate(app.lang, d.remindedAt) })}</span> : null}
              </td>
              <td>{formatDate(app.lang, d.sentAt)}</td>
              <td>{d.returnedAt ? `${formatDate(app.lang, d.returnedAt)} (${d.returnedFile})` : '—'}</td>
              <td>{d.activities.map((a) => a.ref).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => void download(false)}>
          {t('campaign.download')}
        </button>
        {waiting ? (
          <button type="button" className="secondary" onClick={() => void download(true)}>
            {t('campaign.downloadReminders')}
          </button>
        ) : null}
        {!collecting ? (
          <button type="button" className="primary" onClick={() => setCollecting(true)}>
            {t('campaign.collect')}
          </button>
        ) : null}
      </div>
      {collecting ? <CollectAnswer campaign={c} onClose={() => setCollecting(false)} /> : null}
      <CampaignHistory id={c.id} generation={app.generation} />
    </section>
  );
}
