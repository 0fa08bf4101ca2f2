/**
 * The demo register's breach record and request log: a notified breach, one not notified (no risk),
 * and a few requests, one of them overdue. Request dates are set relative to the register's clock
 * so that the demo always shows one request overdue, one due soon and one answered.
 */
import type { CallMeta, Register } from '../register.js';
import { addMonths, dateOf } from '../records/deadlines.js';
import { createBreach, createRequest, setRecordSettings } from '../records/services.js';

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export function createDemoRecords(reg: Register, organisationId: number, meta: CallMeta): { breaches: number; requests: number } {
  const id = (ref: string) => reg.activities.idByRef(organisationId, ref)!;
  createBreach(
    reg,
    organisationId,
    {
      ref: 'B-001',
      title: 'Envoi d’un fichier de paie au mauvais destinataire',
      status: 'closed',
      description: 'Le fichier des bulletins de paie de mars a été envoyé par courriel à un prestataire extérieur au lieu du cabinet comptable.',
      nature: ['confidentiality'],
      occurredAt: '2025-04-02T16:10:00Z',
      discoveredAt: '2025-04-03T08:45:00Z',
      peopleCategories: 'Salariés',
      peopleCount: 84,
      recordsCount: 84,
      dataCategories: [
        { code: 'identity', label: 'Identité' },
        { code: 'economic_financial', label: 'Salaires et coordonnées bancaires' },
        { code: 'social_security_number', label: 'Numéro de sécurité sociale' },
      ],
      consequences: 'Atteinte à la vie privée des salariés ; risque d’usurpation d’identité ou de fraude.',
      measuresTaken: 'Demande de suppression au destinataire, attestation de suppression reçue le 04/04/2025 ; contrôle des destinataires avant envoi.',
      measuresProposed: 'Chiffrement des pièces jointes contenant des données de paie ; formation du service RH.',
      riskLevel: 'risk',
      riskReasoning: 'Destinataire professionnel identifié, ayant supprimé le fichier, mais données financières et NIR.',
      notifiedAt: '2025-04-04T10:30:00Z',
      notificationRef: 'CNIL-NOTIF-2025-004512',
      peopleInformed: 'not_informed',
      peopleNotInformedReason: 'Risque non élevé : le destinataire a supprimé le fichier et en a attesté (art. 34(3)(b)).',
      activityIds: [id('T-001')],
    },
    meta,
    { createdAt: '2025-04-03T09:00:00.000Z', updatedAt: '2025-04-10T14:00:00.000Z' },
  );
  createBreach(
    reg,
    organisationId,
    {
      ref: 'B-002',
      title: 'Perte d’une clé USB chiffrée',
      status: 'closed',
      description: 'Une clé USB chiffrée contenant des images de vidéoprotection a été perdue lors d’un déplacement.',
      nature: ['availability'],
      occurredAt: '2025-11-18T12:00:00Z',
      discoveredAt: '2025-11-18T17:00:00Z',
      peopleCategories: 'Visiteurs et salariés filmés',
      peopleCount: 40,
      dataCategories: [{ code: 'identity', label: 'Images' }],
      consequences: 'Aucune : le contenu est chiffré (AES-256) et une copie existe.',
      measuresTaken: 'Clé déclarée perdue ; copie restaurée depuis l’enregistreur.',
      riskLevel: 'none',
      riskReasoning: 'Données chiffrées par un algorithme à l’état de l’art, clé de déchiffrement non compromise.',
      notNotifiedReason: 'Violation non susceptible d’engendrer un risque (données chiffrées) : inscrite au registre, non notifiée.',
      peopleInformed: 'not_informed',
      peopleNotInformedReason: 'Aucun risque pour les personnes.',
      activityIds: [id('T-006')],
    },
    meta,
    { createdAt: '2025-11-19T09:00:00.000Z', updatedAt: '2025-11-19T09:00:00.000Z' },
  );

  const today = dateOf(reg.now());
  const answeredReceived = daysBefore(today, 120);
  createRequest(
    reg,
    organisationId,
    {
      ref: 'R-001',
      right: 'access',
      receivedOn: answeredReceived,
      channel: 'email',
      requester: 'DEM-2025-017',
      identityChecked: true,
      identityNote: 'Adresse électronique connue du fichier clients',
      description: 'Copie des données du compte client',
      status: 'answered',
      answeredOn: daysBefore(addMonths(answeredReceived, 1), 6),
      outcome: 'granted',
      activityIds: [id('T-004')],
    },
    meta,
  );
  const overdueReceived = daysBefore(today, 45);
  createRequest(
    reg,
    organisationId,
    {
      ref: 'R-002',
      right: 'erasure',
      receivedOn: overdueReceived,
      channel: 'post',
      requester: 'M. Durand',
      identityChecked: false,
      description: 'Effacement des données de prospection et du compte client',
      status: 'in_progress',
      activityIds: [id('T-004'), id('T-005')],
    },
    meta,
  );
  const recent = daysBefore(today, 10);
  createRequest(
    reg,
    organisationId,
    {
      ref: 'R-003',
      right: 'objection',
      receivedOn: recent,
      channel: 'web_form',
      requester: 'DEM-2026-003',
      identityChecked: true,
      description: 'Opposition à la prospection par courriel',
      status: 'received',
      activityIds: [id('T-005')],
    },
    meta,
  );
  const extendedReceived = daysBefore(today, 40);
  createRequest(
    reg,
    organisationId,
    {
      ref: 'R-004',
      right: 'portability',
      receivedOn: extendedReceived,
      channel: 'email',
      requester: 'DEM-2026-001',
      identityChecked: true,
      description: 'Portabilité de l’historique des commandes',
      status: 'in_progress',
      extendedUntil: addMonths(extendedReceived, 3),
      extensionReason: 'Volume important de données à extraire de plusieurs systèmes.',
      extensionToldOn: daysBefore(addMonths(extendedReceived, 1), 5),
      activityIds: [id('T-004')],
    },
    meta,
  );
  setRecordSettings(reg, { requesterRetention: 'P1Y' }, meta);
  return { breaches: 2, requests: 4 };
}
