/** Pieces shared by the sections of the activity editor. */
import { useEffect, useState, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import type { Recipient } from '../../../core/model/register.js';
import type { ActivityRecipient } from '../../../core/model/schemas.js';
import { useApp, useT, type Translate } from '../../app-context.js';
import { CodesField, SelectField, TextField, VocabPicker } from '../../components/fields.js';

export type SectionId = 'identification' | 'actors' | 'purposes' | 'subjects' | 'legal' | 'recipients' | 'transfers' | 'security' | 'dpia' | 'other' | 'dates';

export const emptyContact = () => ({ name: '', firstName: '', company: '', address: '', postalCode: '', city: '', country: '', phone: '', email: '' });

export function Section(props: { id: SectionId; title: string; children: ReactNode }) {
  return (
    <section id={`sec-${props.id}`} className="section" aria-labelledby={`sec-${props.id}-h`}>
      <h2 id={`sec-${props.id}-h`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function Departments() {
  const app = useApp();
  const [list, setList] = useState<string[]>([]);
  useEffect(() => {
    call('activities/departments', { organisationId: app.orgId ?? undefined })
      .then(setList)
      .catch(() => undefined);
  }, [app.orgId]);
  return (
    <datalist id="departments">
      {list.map((d) => (
        <option key={d} value={d} />
      ))}
    </datalist>
  );
}

export function ContactFields(props: {
  value: { name: string; firstName: string; company: string; address: string; postalCode: string; city: string; country: string; phone: string; email: string };
  onChange(v: Partial<typeof props.value>): void;
  path: string;
  t: Translate;
}) {
  const { value: c, onChange, path, t } = props;
  return (
    <div className="grid-3">
      <TextField label={t('f.contactName')} value={c.name} onChange={(v) => onChange({ name: v })} path={`${path}.name`} />
      <TextField label={t('f.firstName')} value={c.firstName} onChange={(v) => onChange({ firstName: v })} path={`${path}.firstName`} />
      <TextField label={t('f.company')} value={c.company} onChange={(v) => onChange({ company: v })} path={`${path}.company`} />
      <TextField label={t('f.address')} value={c.address} onChange={(v) => onChange({ address: v })} path={`${path}.address`} />
      <TextField label={t('f.postalCode')} value={c.postalCode} onChange={(v) => onChange({ postalCode: v })} path={`${path}.postalCode`} />
      <TextField label={t('f.city')} value={c.city} onChange={(v) => onChange({ city: v })} path={`${path}.city`} />
      <TextField label={t('f.country')} value={c.country} onChange={(v) => onChange({ country: v })} path={`${path}.country`} />
      <TextField label={t('f.phone')} type="tel" value={c.phone} onChange={(v) => onChange({ phone: v })} path={`${path}.phone`} />
      <TextField label={t('f.email')} type="email" value={c.email} onChange={(v) => onChange({ email: v })} path={`${path}.email`} />
    </div>
  );
}

const NEW = '__new__';

/** A recipient: picked from the directory, or created inline (added to the directory on save). */
export function RecipientItem(props: { r: ActivityRecipient; upd(next: ActivityRecipient): void; i: number; directory: Recipient[] }) {
  const { r, upd, i, directory } = props;
  const t = useT();
  const app = useApp();
  const [creating, setCreating] = useState(!r.recipientId && r.name !== '');
  const entry = r.recipientId ? directory.find((d) => d.id === r.recipientId) : undefined;
  const value = r.recipientId ? String(r.recipientId) : creating ? NEW : '';
  return (
    <>
      <div className="grid-2">
        <SelectField
          label={t('f.recipientFromDirectory')}
          value={value}
          path={`recipients[${i}].recipientId`}
          empty={t('common.choose')}
          onChange={(v) => {
            if (v === NEW) {
              setCreating(true);
              upd({ name: '', type: 'other', countries: [], role: r.role, precision: r.precision });
            } else if (v) {
              setCreating(false);
              const d = directory.find((x) => x.id === Number(v));
              upd({ recipientId: Number(v), name: d?.name ?? '', role: r.role, precision: r.precision });
            } else {
              setCreating(false);
              upd({ name: '', role: r.role, precision: r.precision });
            }
          }}
          options={[
            ...directory.map((d) => ({ value: String(d.id), label: `${d.name} — ${app.termLabel('recipient_type', d.type)}` })),
            { value: NEW, label: t('f.newRecipient') },
          ]}
        />
        <TextField label={t('f.recipientRole')} value={r.role} onChange={(v) => upd({ ...r, role: v })} path={`recipients[${i}].role`} />
      </div>
      {entry ? (
        <p className="hint">
          {app.termLabel('recipient_type', entry.type)}
          {entry.countries.length ? ` · ${entry.countries.map((c) => app.countryName(c)).join(', ')}` : ''}
          {entry.contractRef ? ` · ${entry.contractRef}` : ''}
        </p>
      ) : null}
      {creating && !r.recipientId ? (
        <div className="grid-3 indent">
          <TextField label={t('f.newRecipientName')} value={r.name} onChange={(v) => upd({ ...r, name: v })} path={`recipients[${i}].name`} required />
          <VocabPicker
            kind="recipient_type"
            label={t('f.recipientType')}
            code={r.type ?? 'other'}
            freeLabel=""
            allowOther={false}
            onChange={(code) => upd({ ...r, type: (code || 'other') as ActivityRecipient['type'] })}
            path={`recipients[${i}].type`}
          />
          <CodesField
            label={t('f.countries')}
            hint={t('f.countriesHint')}
            value={r.countries ?? []}
            onChange={(v) => upd({ ...r, countries: v })}
            path={`recipients[${i}].countries`}
          />
        </div>
      ) : null}
      <TextField label={t('f.precision')} value={r.precision} onChange={(v) => upd({ ...r, precision: v })} path={`recipients[${i}].precision`} />
    </>
  );
}
