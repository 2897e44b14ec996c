import { LetterExpired, LetterIssued, LetterRevoked, LetterSigned, recordEvent } from '@campus/events';
import { EntityManager } from 'typeorm';
import { ResponsibilityLetterEntity } from './letter.entity';

function letterFacts(letter: ResponsibilityLetterEntity) {
  return {
    id: letter.id,
    year: letter.year,
    title: letter.title,
    issuerUnitId: letter.issuerUnitId,
    recipientUnitId: letter.orgUnitId,
    recipientPath: letter.orgPath,
  };
}

export function recordLetterIssued(manager: EntityManager, letter: ResponsibilityLetterEntity): Promise<string> {
  return recordEvent(manager, LetterIssued, letter.id, { ...letterFacts(letter), recipientPersonId: letter.recipientPersonId });
}

export function recordLetterSigned(manager: EntityManager, letter: ResponsibilityLetterEntity): Promise<string> {
  return recordEvent(manager, LetterSigned, letter.id, {
    ...letterFacts(letter),
    signedByPersonId: letter.signedByPersonId!,
    signedAt: letter.signedAt!.toISOString(),
  });
}

export function recordLetterExpired(manager: EntityManager, letter: ResponsibilityLetterEntity): Promise<string> {
  return recordEvent(manager, LetterExpired, letter.id, letterFacts(letter));
}

export function recordLetterRevoked(manager: EntityManager, letter: ResponsibilityLetterEntity): Promise<string> {
  return recordEvent(manager, LetterRevoked, letter.id, { ...letterFacts(letter), reason: letter.revokeReason ?? '' });
}
