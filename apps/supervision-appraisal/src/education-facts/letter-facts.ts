import { EventHandler, LetterExpired, LetterIssued, LetterRevoked, LetterSigned, on, PayloadOf } from '@campus/events';
import { EntityManager } from 'typeorm';

type LetterFacts = PayloadOf<typeof LetterExpired>;

/**
 * Letters (安全责任书) from responsibility-network's letter events, by recipient unit. Any of them may come
 * first (a signature before its issue): each carries the letter's facts, and each only adds its own mark —
 * signed (the earliest signature), expired, revoked — so no order undoes another's.
 */
async function upsertLetter(manager: EntityManager, letter: LetterFacts, mark: { column: string; sql: string; value: unknown } | null): Promise<void> {
  const extraColumn = mark ? `, ${mark.column}` : '';
  await manager.query(
    `INSERT INTO education_letter_fact (id, year, title, issuer_unit_id, recipient_unit_id, org_path${extraColumn})
     VALUES (?, ?, ?, ?, ?, ?${mark ? ', ?' : ''})
     ON DUPLICATE KEY UPDATE year = VALUES(year), title = VALUES(title), issuer_unit_id = VALUES(issuer_unit_id),
       recipient_unit_id = VALUES(recipient_unit_id), org_path = VALUES(org_path)${mark ? `, ${mark.column} = ${mark.sql}` : ''}`,
    [letter.id, letter.year, letter.title.slice(0, 200), letter.issuerUnitId, letter.recipientUnitId, letter.recipientPath, ...(mark ? [mark.value] : [])],
  );
}

export function letterFactHandlers(): EventHandler<unknown>[] {
  return [
    on(LetterIssued, (manager, { payload }) => upsertLetter(manager, payload, null)),
    on(LetterSigned, (manager, { payload }) =>
      upsertLetter(manager, payload, { column: 'signed_at', sql: 'COALESCE(LEAST(signed_at, VALUES(signed_at)), VALUES(signed_at))', value: new Date(payload.signedAt) }),
    ),
    on(LetterExpired, (manager, { payload }) => upsertLetter(manager, payload, { column: 'expired', sql: 'TRUE', value: true })),
    on(LetterRevoked, (manager, { payload }) => upsertLetter(manager, payload, { column: 'revoked', sql: 'TRUE', value: true })),
  ];
}
