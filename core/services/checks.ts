/** Points to review of activities, with what the register knows (destinations, DPF-certified recipients). */
import { checkActivity, type CheckContext, type ComplianceCheck } from '../model/checks.js';
import type { Activity } from '../model/register.js';
import type { Register } from '../register.js';
import { foldKey } from '../text.js';

export function checkContext(reg: Register): CheckContext {
  const certified = new Set(reg.reference.dpfCertifiedRecipients().map(foldKey));
  return { dpfCertified: (name) => certified.has(foldKey(name)) };
}

export function activityChecks(reg: Register, a: Activity, context: CheckContext = checkContext(reg)): ComplianceCheck[] {
  return checkActivity(a, reg.reference.destinations(), context);
}
