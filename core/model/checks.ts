/**
 * Compliance checks on one activity: what a DPO (or the CNIL) would flag when reading the entry.
 * They never block a save — a draft may be incomplete — but the app and the exports show them.
 */
import type { Activity, Country } from './register.js';

export type CheckCode =
  | 'no_legal_basis'
  | 'legal_basis_to_be_determined'
  | 'legitimate_interests_unjustified'
  | 'special_without_art9'
  | 'transfer_without_safeguard'
  | 'adequacy_not_applicable'
  | 'adequacy_partial'
  | 'adequacy_pending'
  | 'privacy_shield_legacy'
  | 'no_retention'
  | 'no_security_measures'
  | 'dpia_required_not_done'
  | 'processor_without_client';

export interface ComplianceCheck {
  code: CheckCode;
  /** The field concerned, e.g. `transfers[0].safeguard`. */
  path: string;
  fr: string;
  en: string;
}

export function checkActivity(a: Pick<Activity, 'legalBases' | 'dataCategories' | 'art9Conditions' | 'transfers' | 'retention' | 'securityMeasures' | 'dpia' | 'role' | 'clients' | 'status'>, countries: Map<string, Country>): ComplianceCheck[] {
  const out: ComplianceCheck[] = [];
  const add = (code: CheckCode, path: string, fr: string, en: string) => out.push({ code, path, fr, en });
  if (a.role !== 'processor') {
    if (!a.legalBases.length) add('no_legal_basis', 'legalBases', 'Aucune base légale (art. 6) n’est indiquée.', 'No lawful basis (Art. 6) is given.');
    if (a.legalBases.some((b) => b.code === 'to_be_determined')) add('legal_basis_to_be_determined', 'legalBases', 'La base légale reste à déterminer.', 'The lawful basis is still to be determined.');
    a.legalBases.forEach((b, i) => {
      if (b.code === 'legitimate_interests' && !b.justification.trim()) {
        add('legitimate_interests_unjustified', `legalBases[${i}].justification`, 'L’intérêt légitime poursuivi n’est pas décrit.', 'The legitimate interest pursued is not described.');
      }
    });
    if (a.dataCategories.some((c) => c.special) && !a.art9Conditions.length) {
      add('special_without_art9', 'art9Conditions', 'Des données sensibles sont traitées sans condition de l’art. 9(2).', 'Special-category data is processed without an Art. 9(2) condition.');
    }
  }
  a.transfers.forEach((t, i) => {
    const c = countries.get(t.country);
    const name = c ? `${c.nameFr}` : t.country;
    const nameEn = c ? `${c.nameEn}` : t.country;
    if (c?.eea) return;
    if (!t.safeguard) add('transfer_without_safeguard', `transfers[${i}].safeguard`, `Transfert vers ${name} sans garantie.`, `Transfer to ${nameEn} without a safeguard.`);
    else if (t.safeguard === 'privacy_shield_legacy') {
      add('privacy_shield_legacy', `transfers[${i}].safeguard`, `Transfert vers ${name} fondé sur le Privacy Shield, invalidé le 16 juillet 2020.`, `Transfer to ${nameEn} relies on the Privacy Shield, invalidated on 16 July 2020.`);
    } else if (t.safeguard === 'adequacy' && c) {
      if (c.adequacy === 'none') add('adequacy_not_applicable', `transfers[${i}].safeguard`, `${name} ne bénéficie d’aucune décision d’adéquation.`, `${nameEn} has no adequacy decision.`);
      if (c.adequacy === 'partial') add('adequacy_partial', `transfers[${i}].safeguard`, `Adéquation partielle pour ${name} : ${c.adequacyScopeFr}.`, `Partial adequacy for ${nameEn}: ${c.adequacyScopeEn}.`);
      if (c.adequacy === 'pending') add('adequacy_pending', `transfers[${i}].safeguard`, `Décision d’adéquation pour ${name} à confirmer.`, `Adequacy decision for ${nameEn} to be confirmed.`);
    }
  });
  if (a.status !== 'retired') {
    if (!a.retention.length) add('no_retention', 'retention', 'Aucune durée de conservation n’est indiquée.', 'No retention period is given.');
    if (!a.securityMeasures.length) add('no_security_measures', 'securityMeasures', 'Aucune mesure de sécurité n’est décrite.', 'No security measure is described.');
    if (a.dpia.required && a.dpia.status !== 'completed') {
      add('dpia_required_not_done', 'dpia.status', 'Une AIPD est requise et n’est pas terminée.', 'A DPIA is required and is not completed.');
    }
  }
  if (a.role === 'processor' && !a.clients.length) {
    add('processor_without_client', 'clients', 'Aucun responsable de traitement client n’est indiqué.', 'No client controller is named.');
  }
  return out;
}
