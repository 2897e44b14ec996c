import { isDuplicateKey, newId } from '@campus/database';
import { EventHandler, HazardEscalated, on, PayloadOf } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { AccountabilityEvidenceKind, AccountabilityMeasure, AccountabilityReason, AccountabilityStatus, AccountabilityTargetKind } from './accountability-enums';
import { AccountabilityRecordEntity, EvidenceRef, ProposalSource } from './accountability.entity';
import { IssuingUnit, personUnit, proposalIssuingUnit } from './accountability-targets';

/** The escalation tier that opens an accountability case (hazard-tracking's TIER_RULES[3]: 安全保卫处督办并问责). */
export const ACCOUNTABILITY_TIER = 3;

/** What the platform proposes; a person of the issuing unit confirms or dismisses it. */
export interface AccountabilityProposal {
  /** What proposes it: one record per source, however often it is proposed. */
  source: { kind: ProposalSource | `${ProposalSource}`; id: string };
  /** The unit held to account. */
  orgUnitId: string;
  orgPath: string;
  /** The person held to account instead (their unit comes from the people projection); the unit's proposal is separate. */
  personId?: string | null;
  /** Who confirms: the appraising unit for a veto; by default the nearest school or bureau above the target. */
  issuingUnit?: IssuingUnit | null;
  reason: AccountabilityReason | `${AccountabilityReason}`;
  measure: AccountabilityMeasure | `${AccountabilityMeasure}`;
  description: string;
  evidence: { kind: AccountabilityEvidenceKind | `${AccountabilityEvidenceKind}`; refId: string; label?: string | null }[];
  proposedAt?: Date;
}

export interface ProposedRecord {
  id: string;
  /** False when the source had proposed already (the earlier record's id). */
  created: boolean;
}

/**
 * Proposes a record (待确认) in the caller's transaction, once per source: a second proposal of the same
 * source answers the first record. Null when there is nobody above the target to confirm it (the root unit)
 * or the person is not known here. Nothing is sanctioned: the record waits for a person of the issuing unit.
 *
 * The appraisal engine calls it for a veto (一票否决): reason VETO, evidence APPRAISAL_VETO with the
 * appraisal's id, source { kind: 'APPRAISAL_VETO', id: appraisalId }, issuingUnit the scheme's unit.
 */
export async function proposeAccountability(manager: EntityManager, proposal: AccountabilityProposal): Promise<ProposedRecord | null> {
  const existing = await findProposal(manager, proposal.source);
  if (existing) return { id: existing, created: false };
  const target = proposal.personId ? await personUnit(manager, proposal.personId) : { orgUnitId: proposal.orgUnitId, orgPath: proposal.orgPath };
  if (!target) return null;
  const issuing = proposal.issuingUnit ?? (await proposalIssuingUnit(manager, target.orgPath));
  if (!issuing || !(target.orgPath !== issuing.orgPath && target.orgPath.startsWith(issuing.orgPath))) return null;
  const record = manager.create(AccountabilityRecordEntity, {
    id: newId(),
    orgUnitId: target.orgUnitId,
    orgPath: target.orgPath,
    targetKind: proposal.personId ? AccountabilityTargetKind.PERSON : AccountabilityTargetKind.UNIT,
    personId: proposal.personId ?? null,
    issuingUnitId: issuing.orgUnitId,
    issuingPath: issuing.orgPath,
    reason: proposal.reason as AccountabilityReason,
    measure: proposal.measure as AccountabilityMeasure,
    description: proposal.description.slice(0, 2000),
    evidence: proposal.evidence as EvidenceRef[],
    status: AccountabilityStatus.PROPOSED,
    sourceKind: proposal.source.kind as ProposalSource,
    sourceId: proposal.source.id,
    issuedByAccountId: null,
    issuedByPersonId: null,
    issuedAt: proposal.proposedAt ?? new Date(),
  });
  try {
    // A savepoint: a concurrent proposal of the same source fails on the unique key without undoing the caller's work.
    await manager.transaction((inner) => inner.insert(AccountabilityRecordEntity, record));
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const winner = await findProposal(manager, proposal.source);
    if (winner) return { id: winner, created: false };
    throw error;
  }
  return { id: record.id, created: true };
}

async function findProposal(manager: EntityManager, source: AccountabilityProposal['source']): Promise<string | null> {
  const row = await manager.findOne(AccountabilityRecordEntity, { where: { sourceKind: source.kind as ProposalSource, sourceId: source.id }, select: { id: true } });
  return row?.id ?? null;
}

/** The unit's path as the org projection has it now (it may have moved since the event), else the event's. */
async function currentPath(manager: EntityManager, orgUnitId: string, fallback: string): Promise<string> {
  const [row] = await manager.query('SELECT path FROM org_unit_projection WHERE id = ?', [orgUnitId]);
  return row ? String(row.path) : fallback;
}

/** The proposal a tier-3 escalation makes: 逾期未整改, 通报批评 by default (the confirming person may choose another measure). */
export function escalationProposal(payload: PayloadOf<typeof HazardEscalated>, orgPath: string): AccountabilityProposal {
  const escalationId = `${payload.id}:${payload.tier}`;
  const major = payload.grade === 'MAJOR';
  const description = major
    ? `重大隐患 ${payload.code} 整改时限 ${payload.deadline}，逾期仍未整改（重大隐患悬而不决），已升级至安全保卫处督办。`
    : `隐患 ${payload.code} 整改时限 ${payload.deadline}，逾期 7 天以上仍未整改，已升级至安全保卫处督办。`;
  return {
    source: { kind: ProposalSource.HAZARD_ESCALATION, id: escalationId },
    orgUnitId: payload.orgUnitId,
    orgPath,
    reason: AccountabilityReason.OVERDUE_HAZARD,
    measure: AccountabilityMeasure.CRITICISM_NOTICE,
    description,
    evidence: [
      { kind: AccountabilityEvidenceKind.HAZARD, refId: payload.id, label: payload.code },
      { kind: AccountabilityEvidenceKind.ESCALATION, refId: escalationId, label: `第三级督办（${calendarDateOf(new Date(payload.escalatedAt))}）` },
    ],
    proposedAt: new Date(payload.escalatedAt),
  };
}

/**
 * hazard-tracking's tier-3 escalation (安全保卫处督办并问责) proposes a record against the hazard's unit for
 * the school or bureau above it to confirm or dismiss. The event names no responsible person, so only the
 * unit is proposed. The consumer's inbox applies each event once; the unique source makes a replay (another
 * event id for the same escalation) propose nothing more.
 */
export function accountabilityEscalationHandlers(): EventHandler<unknown>[] {
  return [
    on(HazardEscalated, async (manager, { payload }) => {
      if (payload.tier !== ACCOUNTABILITY_TIER || !payload.accountability) return;
      await proposeAccountability(manager, escalationProposal(payload, await currentPath(manager, payload.orgUnitId, payload.orgPath)));
    }),
  ];
}
