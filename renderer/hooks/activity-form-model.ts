/** The activity editor's form: a blank activity, and the editable fields of a saved one. */
import type { Activity } from '../../core/model/register.js';
import type { ActivityFields } from '../../core/model/schemas.js';
import { EMPTY_DPIA } from '../../core/model/dpia.js';
import type { ActivityFormModel } from './use-activity-form.js';

export function emptyActivity(): ActivityFields {
  return {
    ref: '',
    name: '',
    role: 'controller',
    status: 'draft',
    department: '',
    owner: '',
    description: '',
    purpose: '',
    subPurposes: [],
    legalBases: [],
    art9Conditions: [],
    purposeBasesToCheck: false,
    criminalDataBasis: '',
    dataSubjects: [],
    dataCategories: [],
    dataSources: [],
    recipients: [],
    transfers: [],
    retention: [],
    securityMeasures: [],
    securityNotes: '',
    jointControllers: [],
    clients: [],
    dpia: { ...EMPTY_DPIA },
    automatedDecision: { exists: false, description: '' },
    systems: [],
    rights: '',
    consentRecords: '',
    breaches: '',
    lastReviewedAt: '',
    lastReviewedBy: '',
    nextReviewAt: '',
  };
}

/** The editable fields of an activity (as the service's `activityFields`). */
export function fieldsOf(a: Activity): ActivityFields {
  const { id: _i, organisationId: _o, version: _v, createdAt: _c, updatedAt: _u, dpia, recipients, ...rest } = a;
  const { suggested: _s, required: _r, ...screening } = dpia;
  return {
    ...emptyActivity(),
    ...rest,
    recipients: recipients.map((r) => ({ recipientId: r.recipientId, name: r.name, role: r.role, precision: r.precision })),
    dpia: screening,
  };
}

/** How the editor's form is made from an activity (the store is tested with the same model). */
export const ACTIVITY_FORM: ActivityFormModel = { empty: emptyActivity, fieldsOf };
