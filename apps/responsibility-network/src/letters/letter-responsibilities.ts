import { EntityManager } from 'typeorm';
import { LetterStatus } from './letter-enums';
import { ResponsibilityLetterEntity } from './letter.entity';
import { ResponsibilityLetter, toResponsibilityLetter } from './letter.types';

/** Letters waiting for a person's signature: issued to them, or signed and flagged for re-signing after a change of leader; latest year first. One statement. */
export async function lettersToSignBy(manager: EntityManager, personId: string): Promise<ResponsibilityLetter[]> {
  const rows = await manager.getRepository(ResponsibilityLetterEntity).find({
    where: [
      { recipientPersonId: personId, status: LetterStatus.ISSUED },
      { recipientPersonId: personId, status: LetterStatus.SIGNED, needsResigning: true },
    ],
    order: { year: 'DESC' },
  });
  return rows.map(toResponsibilityLetter);
}
