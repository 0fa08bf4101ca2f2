/** Points to review of activities, with what the register knows (destinations, DPF-certified recipients). */
import { checkActivity, type CheckContext, type ComplianceCheck } from '../model/checks.js';
import type { Activity } from '../model/register.js';
import type { Register } from '../register.js';
import { foldKey } from '../text.js';
import { listRecipients } from './recipients.js';

export function checkContext(reg: Register): CheckContext {
  const certified = new Set(listRecipients(reg).filter((r) => r.dpfCertified).map((r) => foldKey(r.name)));
  return { dpfCertified: (name) => certified.has(foldKey(name)) };
}

export function activityChecks(reg: Register, a: Activity, context: CheckContext = checkContext(reg)): ComplianceCheck[] {
  return checkActivity(a, reg.reference.destinations(), context);
}
