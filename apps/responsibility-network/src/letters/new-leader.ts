import { EntityManager, In, MoreThanOrEqual, Not } from 'typeorm';
import { LetterStatus } from './letter-enums';
import { ResponsibilityLetterEntity } from './letter.entity';
import { currentYear } from './letter-rules';

/**
 * When a unit gets a new leader (UNIT_LEADER granted), the letters it holds for this year and later
 * must be signed again by that person: they are re-addressed to the new leader and flagged. Runs in the
 * caller's transaction; returns how many letters were flagged. Drafts are left alone (the issuer picks
 * the signer before issuing), as are past, revoked and expired letters.
 */
export async function flagLettersForNewLeader(manager: EntityManager, unitId: string, newLeaderPersonId: string): Promise<number> {
  const result = await manager.update(
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
