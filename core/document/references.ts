/** How a section of the register document names what it belongs to: an organisation's key, an activity's reference. */
import { AppError, issue, text } from '../errors.js';
import type { Register } from '../register.js';

/** Resolvers for a document's references, each refusing an unknown one with the item's path. */
export function documentReferences(reg: Register, orgIds: Map<string, number>) {
  return {
    orgOf(key: string, item: string): number {
      const id = orgIds.get(key);
      if (!id)
        throw new AppError('bad_input', text('errors.doc.organisationUnknown', { item, organisation: key }), [issue(`${item}.organisation`, 'errors.doc.notAnOrganisationKey')]);
      return id;
    },
    activityId(organisationId: number, ref: string, path: string): number {
      const id = reg.activities.idByRef(organisationId, ref);
      if (!id) throw new AppError('bad_input', text('errors.doc.activityUnknown', { item: path, ref }), [issue(path, 'errors.doc.notAnActivity', { ref })]);
      return id;
    },
  };
}
