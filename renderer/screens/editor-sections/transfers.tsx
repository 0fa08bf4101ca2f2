/** The editor's "transfers" section (see renderer/screens/activity-editor.tsx). */
import type { Transfer } from '../../../core/model/schemas.js';
import { Repeated, TextField, VocabPicker } from '../../components/fields.js';
import { Section } from './parts.js';
import type { SectionProps } from './props.js';
import { DestinationField } from '../legal-fields.js';

export function TransfersSection(props: SectionProps) {
  const { form, set, t, directory } = props;
  return (
    <Section id="transfers" title={t('sec.transfers')}>
      <datalist id="recipient-names">
        {[...new Set([...form.recipients.map((r) => r.name), ...directory.map((r) => r.name)])].filter(Boolean).map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <Repeated<Transfer>
        legend={t('f.transfers')}
        itemLabel={t('f.transfer')}
        addLabel={t('f.addTransfer')}
        items={form.transfers}
        onChange={set('transfers')}
        make={() => ({ recipient: '', country: '', safeguard: null, derogation: null, documentation: '', tiaRef: '' })}
        path="transfers"
        render={(x, upd, i) => (
          <>
            <div className="grid-2">
              <TextField
                label={t('f.transferRecipient')}
                value={x.recipient}
                onChange={(v) => upd({ ...x, recipient: v })}
                path={`transfers[${i}].recipient`}
                list="recipient-names"
                required
              />
              <DestinationField value={x.country} onChange={(v) => upd({ ...x, country: v })} path={`transfers[${i}].country`} />
              <VocabPicker
                kind="transfer_safeguard"
                label={t('f.safeguard')}
                code={x.safeguard ?? ''}
                freeLabel=""
                allowOther={false}
                onChange={(code) => upd({ ...x, safeguard: (code || null) as Transfer['safeguard'], derogation: code === 'derogation' ? x.derogation : null })}
                path={`transfers[${i}].safeguard`}
              />
              {x.safeguard === 'derogation' ? (
                <VocabPicker
                  kind="art49_derogation"
                  label={t('f.derogation')}
                  code={x.derogation ?? ''}
                  freeLabel=""
                  allowOther={false}
                  onChange={(code) => upd({ ...x, derogation: (code || null) as Transfer['derogation'] })}
                  path={`transfers[${i}].derogation`}
                />
              ) : null}
            </div>
            <TextField label={t('f.documentation')} value={x.documentation} onChange={(v) => upd({ ...x, documentation: v })} path={`transfers[${i}].documentation`} />
            <TextField label={t('legal.tiaRef')} value={x.tiaRef} onChange={(v) => upd({ ...x, tiaRef: v })} path={`transfers[${i}].tiaRef`} />
          </>
        )}
      />
    </Section>
  );
}
