import { newId } from '@campus/database';
import { Caller, ConflictError } from '@campus/graphql';
import { EntityManager, In } from 'typeorm';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { LetterStatus } from './letter-enums';
import { LETTER_ACCESS } from './letter.access';
import { ResponsibilityLetterEntity, ResponsibilityLetterItemEntity } from './letter.entity';
import { RenewResponsibilityLettersInput } from './letter.inputs';
import { isStrictlyBelow } from './letter-rules';
import { signerOfLetterTo } from './letter-signer';

/** Letters that went out in the year renewed: issued, signed or expired at its end (not drafts, not revoked ones). */
const RENEWABLE = [LetterStatus.ISSUED, LetterStatus.SIGNED, LetterStatus.EXPIRED];
/** A unit that already has one of these for the new year is not given another. */
const LIVE = [LetterStatus.DRAFT, LetterStatus.ISSUED, LetterStatus.SIGNED];

export interface RenewalSkip {
  recipientUnitId: string;
  reason: string;
  message: string;
}

export interface RenewalOutcome {
  renewed: ResponsibilityLetterEntity[];
  skipped: RenewalSkip[];
}

/**
 * 续签: for each unit that held the issuer's letter in `fromYear`, a draft for the next year with the same
 * targets, its title's year moved on and addressed to the unit's first responsible person now. Units that
 * already have a live letter for the new year, have left the issuer's subtree or have no first responsible
 * person are skipped with the reason, so running it twice creates nothing twice.
 */
export async function renewLetters(manager: EntityManager, caller: Caller, input: RenewResponsibilityLettersInput): Promise<RenewalOutcome> {
  const issuer = await ORG_UNIT_ACCESS.find(manager, caller, 'view', input.issuerUnitId);
  LETTER_ACCESS.checkRole(caller, 'create', issuer.path);
  const toYear = input.toYear ?? input.fromYear + 1;
  const recipients = input.recipientUnitIds?.length ? { orgUnitId: In(input.recipientUnitIds) } : {};
  const sources = latestPerRecipient(
    await manager.find(ResponsibilityLetterEntity, { where: { issuerUnitId: issuer.id, year: input.fromYear, status: In(RENEWABLE), ...recipients } }),
  );
  const taken = new Set(
    (await manager.find(ResponsibilityLetterEntity, { select: { orgUnitId: true }, where: { issuerUnitId: issuer.id, year: toYear, status: In(LIVE) } })).map(
      (letter) => letter.orgUnitId,
    ),
  );
  const units = sources.length ? await manager.findBy(OrgUnitEntity, { id: In(sources.map((letter) => letter.orgUnitId)) }) : [];
  const outcome: RenewalOutcome = { renewed: [], skipped: [] };
  for (const source of sources) {
    const recipient = units.find((unit) => unit.id === source.orgUnitId);
    const skip = (reason: string, message: string) => outcome.skipped.push({ recipientUnitId: source.orgUnitId, reason, message });
    if (taken.has(source.orgUnitId)) skip('ALREADY_EXISTS', `${recipient?.name ?? '该单位'}已有 ${toYear} 年度的责任书`);
    else if (!recipient || !isStrictlyBelow(issuer.path, recipient.path)) skip('OUTSIDE_RANGE', '受领单位已不在发文单位之下');
    else {
      const signer = await signerOrSkip(manager, recipient, skip);
      if (signer) outcome.renewed.push(await insertRenewal(manager, source, recipient, signer, toYear));
    }
  }
  return outcome;
}

function latestPerRecipient(letters: ResponsibilityLetterEntity[]): ResponsibilityLetterEntity[] {
  const latest = new Map<string, ResponsibilityLetterEntity>();
  for (const letter of letters) {
    const held = latest.get(letter.orgUnitId);
    if (!held || letter.createdAt > held.createdAt) latest.set(letter.orgUnitId, letter);
  }
  return [...latest.values()].sort((a, b) => a.orgPath.localeCompare(b.orgPath));
}

/** The unit's first responsible person, or null with the unit skipped when it has none. */
async function signerOrSkip(manager: EntityManager, recipient: OrgUnitEntity, skip: (reason: string, message: string) => void): Promise<string | null> {
  try {
    return await signerOfLetterTo(manager, recipient);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    skip('NO_FIRST_RESPONSIBLE_PERSON', error.message);
    return null;
  }
}

async function insertRenewal(
  manager: EntityManager,
  source: ResponsibilityLetterEntity,
  recipient: OrgUnitEntity,
  signerId: string,
  toYear: number,
): Promise<ResponsibilityLetterEntity> {
  const letter = manager.create(ResponsibilityLetterEntity, {
    id: newId(),
    year: toYear,
    title: source.title.split(String(source.year)).join(String(toYear)),
    orgUnitId: recipient.id,
    orgPath: recipient.path,
    issuerUnitId: source.issuerUnitId,
    issuerPath: source.issuerPath,
    recipientPersonId: signerId,
    status: LetterStatus.DRAFT,
    needsResigning: false,
    issuedAt: null,
    signedAt: null,
    signedByPersonId: null,
    revokedAt: null,
    revokeReason: null,
    expiredAt: null,
    renewedFromId: source.id,
  });
  await manager.save(letter);
  const items = await manager.find(ResponsibilityLetterItemEntity, { where: { letterId: source.id }, order: { position: 'ASC' } });
  if (items.length) await manager.insert(ResponsibilityLetterItemEntity, items.map((item) => ({ ...item, id: newId(), letterId: letter.id })));
  return letter;
}
