import { LabAccessEntity, LabAccessRefusalEntity, LabRequirementsEntity } from './lab-access.entity';
import { LabAccessCheck, LabAccessEntry, LabAccessRefusal, LabAccessStatus, LabRequirementCheck, LabRequirements } from './lab-access.types';
import { LabRequirementItem, requirementLabel, RequirementAssessment } from './lab-requirement';

export function toLabRequirements(entity: LabRequirementsEntity): LabRequirements {
  return {
    labId: entity.placeId,
    items: entity.items.map((item: LabRequirementItem) => ({ ...item, label: requirementLabel(item) })),
    version: entity.version,
    updatedAt: entity.updatedAt,
  };
}

function toCheck(item: RequirementAssessment): LabRequirementCheck {
  return { ...item, label: requirementLabel(item) };
}

export function toLabAccessCheck(labId: string, personId: string, checkedAt: Date, assessments: RequirementAssessment[]): LabAccessCheck {
  const requirements = assessments.map(toCheck);
  const missing = requirements.filter((item) => !item.met);
  return { labId, personId, checkedAt, met: missing.length === 0, requirements, missing };
}

/** An entry's status at `now`: an active admission past its expiry shows as expired. */
export function toLabAccessEntry(entity: LabAccessEntity, now: Date): LabAccessEntry {
  const status =
    entity.status === 'REVOKED' ? LabAccessStatus.REVOKED : entity.expiresAt <= now ? LabAccessStatus.EXPIRED : LabAccessStatus.ACTIVE;
  return {
    id: entity.id,
    labId: entity.placeId,
    personId: entity.personId,
    status,
    admittedAt: entity.admittedAt,
    admittedByPersonId: entity.admittedByPersonId,
    expiresAt: entity.expiresAt,
    revokedAt: entity.revokedAt,
    revokeReason: entity.revokeReason,
    version: entity.version,
  };
}

export function toLabAccessRefusal(entity: LabAccessRefusalEntity): LabAccessRefusal {
  return {
    id: entity.id,
    labId: entity.placeId,
    personId: entity.personId,
    attemptedAt: entity.attemptedAt,
    attemptedByPersonId: entity.attemptedByPersonId,
    missing: entity.missing.map((item) => ({
      kind: item.kind,
      topic: item.topic,
      validDays: item.validDays,
      label: requirementLabel(item),
      met: false,
      lastAt: item.lastAt ? new Date(item.lastAt) : null,
      validUntil: null,
      missing: item.missing,
    })),
  };
}
