/** The organisation whose register this is: identity, head, EU representative and DPO. */
import { useEffect, useState } from 'react';
import type { Contact, Dpo, OrganisationData } from '../../core/model/schemas.js';
import type { Organisation } from '../../core/model/register.js';
import { ApiCallError, call } from '../api/client.js';
import { useApp, useT, type Translate } from '../app-context.js';
import { useDirty } from '../hooks/use-dirty.js';
import { CheckboxField, ErrorsContext, TextField } from '../components/fields.js';
import { ReviewPeriodField } from '../components/review-period-field.js';
import { DeleteOrganisationButton } from './first-run.js';

const contact = (): Contact => ({ name: '', firstName: '', company: '', address: '', postalCode: '', city: '', country: '', phone: '', email: '' });
const blankOrg = (): OrganisationData => ({
  name: '',
  legalForm: '',
  registrationNumber: '',
  address: '',
  postalCode: '',
  city: '',
  country: '',
  phone: '',
  email: '',
  head: null,
  representative: null,
  dpo: null,
  reviewPeriodMonths: 12,
});

function dataOf(o: Organisation): OrganisationData {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...d } = o;
  return d;
}

export function OrganisationScreen() {
  const app = useApp();
  const t = useT();
  const current = app.organisations.find((o) => o.id === app.orgId) ?? null;
  const [creating, setCreating] = useState(false);
  const [data, setData] = useState<OrganisationData>(() => (current ? dataOf(current) : blankOrg()));
  const [initial, setInitial] = useState(() => JSON.stringify(data));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (creating) return;
    const d = current ? dataOf(current) : blankOrg();
    setData(d);
    setInitial(JSON.stringify(d));
    setErrors(new Map());
    setMessage(null);
  }, [current?.id, current?.version, creating]); // eslint-disable-line react-hooks/exhaustive-deps -- reset the form only when another organisation or version is shown, not on every new `current` object

  const dirty = JSON.stringify(data) !== initial;
  useDirty(dirty);

  const set =
    <K extends keyof OrganisationData>(k: K) =>
    (v: OrganisationData[K]) =>
      setData((d) => ({ ...d, [k]: v }));

  const save = async () => {
    try {
      const saved =
        creating || !current
          ? await call('organisations/create', { organisation: data as unknown as Record<string, unknown> })
          : await call('organisations/update', { id: current.id, version: current.version, organisation: data as unknown as Record<string, unknown> });
      app.setDirty(false);
      setInitial(JSON.stringify(data));
      setCreating(false);
      await app.reloadOrganisations();
      app.setOrgId(saved.id);
      setErrors(new Map());
      setMessage(null);
      app.notify(t('org.saved'));
    } catch (e) {
      if (e instanceof ApiCallError) setErrors(new Map(e.details.map((d) => [d.path, d.message])));
      setMessage((e as Error).message);
    }
  };

  return (
    <ErrorsContext.Provider value={errors}>
      <form
        className="screen form-screen"
        aria-labelledby="org-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <header className="screen-header">
          <h1 id="org-title">{creating ? t('org.new') : t('org.title')}</h1>
          <div className="toolbar">
            {!creating ? <DeleteOrganisationButton /> : null}
            {!creating ? (
              <button
                type="button"
                className="secondary"
                onClick={async () => {
                  if (!(await app.confirmLeave())) return;
                  setCreating(true);
                  const d = blankOrg();
                  setData(d);
                  setInitial(JSON.stringify(d));
                }}
              >
                + {t('org.new')}
              </button>
            ) : (
              <button type="button" className="secondary" onClick={() => setCreating(false)}>
                {t('common.cancel')}
              </button>
            )}
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
          </div>
        </header>
        {message ? (
          <div className="banner error" role="alert">
            {message}
          </div>
        ) : null}
        <section className="section" aria-labelledby="org-identity">
          <h2 id="org-identity">{t('org.identity')}</h2>
          <div className="grid-3">
            <TextField label={t('f.contactName')} value={data.name} onChange={set('name')} path="name" required />
            <TextField label={t('org.legalForm')} value={data.legalForm} onChange={set('legalForm')} path="legalForm" />
            <TextField label={t('org.registrationNumber')} value={data.registrationNumber} onChange={set('registrationNumber')} path="registrationNumber" />
            <TextField label={t('f.address')} value={data.address} onChange={set('address')} path="address" />
            <TextField label={t('f.postalCode')} value={data.postalCode} onChange={set('postalCode')} path="postalCode" />
            <TextField label={t('f.city')} value={data.city} onChange={set('city')} path="city" />
            <TextField label={t('f.country')} value={data.country} onChange={set('country')} path="country" />
            <TextField label={t('f.phone')} type="tel" value={data.phone} onChange={set('phone')} path="phone" />
            <TextField label={t('f.email')} type="email" value={data.email} onChange={set('email')} path="email" />
            <ReviewPeriodField value={data.reviewPeriodMonths ?? 12} onChange={set('reviewPeriodMonths')} />
          </div>
        </section>
        <OptionalContact title={t('org.dpo')} toggle={t('org.hasDpo')} path="dpo" value={data.dpo} onChange={(v) => set('dpo')(v as Dpo | null)} t={t} dpo />
        <OptionalContact title={t('org.head')} toggle={t('org.hasHead')} path="head" value={data.head} onChange={set('head')} t={t} />
        <OptionalContact
          title={t('org.representative')}
          toggle={t('org.hasRepresentative')}
          path="representative"
          value={data.representative}
          onChange={set('representative')}
          t={t}
        />
      </form>
    </ErrorsContext.Provider>
  );
}

function OptionalContact(props: {
  title: string;
  toggle: string;
  path: string;
  value: Contact | Dpo | null;
  onChange(v: Contact | Dpo | null): void;
  t: Translate;
  dpo?: boolean;
}) {
  const { value: c, t, path } = props;
  const id = `org-${path}`;
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      <CheckboxField
        label={props.toggle}
        checked={c !== null}
        onChange={(on) => props.onChange(on ? (props.dpo ? { ...contact(), cnilDesignationNumber: '' } : contact()) : null)}
      />
      {c ? (
        <div className="grid-3">
          <TextField label={t('f.contactName')} value={c.name} onChange={(v) => props.onChange({ ...c, name: v })} path={`${path}.name`} />
          <TextField label={t('f.firstName')} value={c.firstName} onChange={(v) => props.onChange({ ...c, firstName: v })} path={`${path}.firstName`} />
          <TextField label={t('f.company')} value={c.company} onChange={(v) => props.onChange({ ...c, company: v })} path={`${path}.company`} />
          <TextField label={t('f.address')} value={c.address} onChange={(v) => props.onChange({ ...c, address: v })} path={`${path}.address`} />
          <TextField label={t('f.postalCode')} value={c.postalCode} onChange={(v) => props.onChange({ ...c, postalCode: v })} path={`${path}.postalCode`} />
          <TextField label={t('f.city')} value={c.city} onChange={(v) => props.onChange({ ...c, city: v })} path={`${path}.city`} />
          <TextField label={t('f.country')} value={c.country} onChange={(v) => props.onChange({ ...c, country: v })} path={`${path}.country`} />
          <TextField label={t('f.phone')} type="tel" value={c.phone} onChange={(v) => props.onChange({ ...c, phone: v })} path={`${path}.phone`} />
          <TextField label={t('f.email')} type="email" value={c.email} onChange={(v) => props.onChange({ ...c, email: v })} path={`${path}.email`} />
          {props.dpo ? (
            <TextField
              label={t('org.cnilNumber')}
              value={(c as Dpo).cnilDesignationNumber ?? ''}
              onChange={(v) => props.onChange({ ...(c as Dpo), cnilDesignationNumber: v })}
              path={`${path}.cnilDesignationNumber`}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
