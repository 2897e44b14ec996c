import { EntityManager, In, MoreThanOrEqual, Not } from 'typeorm';
import { auditedUpdate } from '@campus/server';
import { LetterStatus } from './letter-enums';
import { ResponsibilityLetterEntity } from './letter.entity';
import { currentYear } from './letter-rules';

/**
 * When a unit gets a new leader (UNIT_LEADER granted), its open letters follow that person: drafts are
 * re-addressed to them, and the letters in force for this year and later must be signed again by them
 * (re-addressed and flagged). Runs in the caller's transaction; returns how many letters were flagged.
 * Past, revoked and expired letters are left as they are.
 */
export async function flagLettersForNewLeader(manager: EntityManager, unitId: string, newLeaderPersonId: string): Promise<number> {
  await auditedUpdate(
    manager,
    ResponsibilityLetterEntity,
    { orgUnitId: unitId, status: LetterStatus.DRAFT, recipientPersonId: Not(newLeaderPersonId) },
    { recipientPersonId: newLeaderPersonId },
  );
  const result = await auditedUpdate(
    manager,
    ResponsibilityLetterEntity,
    {
      orgUnitId: unitId,
      status: In([LetterStatus.ISSUED, LetterStatus.SIGNED]),
      year: MoreThanOrEqual(currentYear()),
      recipientPersonId: Not(newLeaderPersonId),
    },
    { needsResigning: true, recipientPersonId: newLeaderPersonId },
  );
  return result.affected ?? 0;
}
