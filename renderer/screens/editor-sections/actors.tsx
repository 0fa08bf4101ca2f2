/** The editor's "actors" section (see renderer/screens/activity-editor.tsx). */
import type { ClientController, JointController } from '../../../core/model/schemas.js';
import { Repeated, StringList, TextArea, TextField } from '../../components/fields.js';
import { ContactFields, emptyContact, Section } from './parts.js';
import type { SectionProps } from './props.js';

export function ActorsSection(props: SectionProps) {
  const { form, set, t, org } = props;
  return (
    <Section id="actors" title={t('sec.actors')}>
      <div className="readonly-block">
        <div className="label">{t('f.controller')}</div>
        <div>
          <strong>{org?.name}</strong>
          {org ? ` — ${[org.address, org.postalCode, org.city].filter(Boolean).join(' ')}` : ''}
          {org?.dpo ? (
            <div className="muted">
              {t('org.dpo')}
              {t('firsthour.colon')}
              {[org.dpo.firstName, org.dpo.name].filter(Boolean).join(' ')} {org.dpo.email ? `<${org.dpo.email}>` : ''}
            </div>
          ) : null}
        </div>
        <div className="hint">{t('f.controllerHint')}</div>
      </div>
      {form.role === 'joint_controller' || form.jointControllers.length ? (
        <Repeated<JointController>
          legend={t('f.jointControllers')}
          itemLabel={t('f.jointController')}
          addLabel={t('f.addJointController')}
          items={form.jointControllers}
          onChange={set('jointControllers')}
          make={() => ({ ...emptyContact(), responsibilities: '' })}
          path="jointControllers"
          render={(jc, upd, i) => (
            <>
              <ContactFields value={jc} onChange={(c) => upd({ ...jc, ...c })} path={`jointControllers[${i}]`} t={t} />
              <TextArea
                label={t('f.responsibilities')}
                value={jc.responsibilities}
                onChange={(v) => upd({ ...jc, responsibilities: v })}
                path={`jointControllers[${i}].responsibilities`}
              />
            </>
          )}
        />
      ) : null}
      {form.role === 'processor' || form.clients.length ? (
        <Repeated<ClientController>
          legend={t('f.clients')}
          itemLabel={t('f.client')}
          addLabel={t('f.addClient')}
          items={form.clients}
          onChange={set('clients')}
          make={() => ({ ...emptyContact(), representative: '', dpo: '', processingCategories: [] })}
          path="clients"
          render={(c, upd, i) => (
            <>
              <ContactFields value={c} onChange={(x) => upd({ ...c, ...x })} path={`clients[${i}]`} t={t} />
              <div className="grid-2">
                <TextField label={t('f.clientRepresentative')} value={c.representative} onChange={(v) => upd({ ...c, representative: v })} path={`clients[${i}].representative`} />
                <TextField label={t('f.clientDpo')} value={c.dpo} onChange={(v) => upd({ ...c, dpo: v })} path={`clients[${i}].dpo`} />
              </div>
              <StringList
                legend={t('f.processingCategories')}
                itemLabel={t('f.processingCategory')}
                addLabel={t('f.addProcessingCategory')}
                items={c.processingCategories}
                onChange={(v) => upd({ ...c, processingCategories: v })}
                path={`clients[${i}].processingCategories`}
              />
            </>
          )}
        />
      ) : null}
    </Section>
  );
}
