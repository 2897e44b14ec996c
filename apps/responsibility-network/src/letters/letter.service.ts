import { newId, recentFirstKey, recentFirstPage, SqlCondition } from '@campus/database';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import { auditedDelete, clientRequest, oncePerRequest, refusalOf } from '@campus/server';
import {
  BadUserInputError,
  Caller,
  ConflictError,
  ConnectionShape,
  decodeCursor,
  ForbiddenError,
  NotFoundError,
  toConnection,
  VersionedInput,
} from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { toOrgUnit } from '../org-units/org-unit.types';
import { LetterCoverageStatus, LetterStatus } from './letter-enums';
import {
  isRecipient,
  LETTER_ACCESS,
  LETTER_POLICY,
  LetterAction,
  letterStatusAfter,
  mayReadLetter,
  readableLetters,
  statusesFrom,
} from './letter.access';
import { ResponsibilityLetterEntity, ResponsibilityLetterItemEntity } from './letter.entity';
import { recordLetterExpired, recordLetterIssued, recordLetterRevoked, recordLetterSigned } from './letter.events';
import {
  CreateResponsibilityLetterInput,
  ExpireResponsibilityLettersInput,
  LetterItemInput,
  RenewResponsibilityLettersInput,
  ResponsibilityLetterFilter,
  RevokeResponsibilityLetterInput,
  UpdateResponsibilityLetterInput,
} from './letter.inputs';
import { RenewalSkip, renewLetters } from './letter-renewal';
import { isStrictlyBelow, unitCoverage, yearHasEnded } from './letter-rules';
import { signerOfLetterTo } from './letter-signer';
import {
  LetterSigningCoverage,
  ResponsibilityLetter,
  ResponsibilityLetterItem,
  toResponsibilityLetter,
  toResponsibilityLetterItem,
} from './letter.types';

interface LetterParties {
  issuer: OrgUnitEntity;
  recipient: OrgUnitEntity;
  /** The recipient unit's first responsible person. */
  recipientPersonId: string;
}

export class LetterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
  ) {}

  async get(caller: Caller, id: string): Promise<ResponsibilityLetter> {
    return toResponsibilityLetter(readable(caller, id, await this.dataSource.manager.findOneBy(ResponsibilityLetterEntity, { id })));
  }

  async list(caller: Caller, filter: ResponsibilityLetterFilter, first: number, after?: string | null): Promise<ConnectionShape<ResponsibilityLetter>> {
    const query = this.dataSource.manager.createQueryBuilder(ResponsibilityLetterEntity, 'l');
    for (const condition of filterConditions(caller, filter)) query.andWhere(condition.sql, condition.params);
    const page = await recentFirstPage(query, 'l', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toResponsibilityLetter);
  }

  /** Items of many letters in one statement. */
  createItemsLoader(): DataLoader<string, ResponsibilityLetterItem[]> {
    return new DataLoader(async (letterIds) => {
      const rows = await this.dataSource.manager.find(ResponsibilityLetterItemEntity, {
        where: { letterId: In([...letterIds]) },
        order: { position: 'ASC' },
      });
      return letterIds.map((letterId) => rows.filter((row) => row.letterId === letterId).map(toResponsibilityLetterItem));
    });
  }

  /**
   * Names of issuing units, for readers of a letter who do not cover its issuer (a school reading the
   * bureau's letter): who issued it is part of the letter, even where the unit itself is out of scope.
   */
  createUnitNameLoader(): DataLoader<string, string | null> {
    return new DataLoader(async (unitIds) => {
      const rows = await this.dataSource.manager.find(OrgUnitEntity, { select: { id: true, name: true }, where: { id: In([...unitIds]) } });
      const names = new Map(rows.map((row) => [row.id, row.name]));
      return unitIds.map((id) => names.get(id) ?? null);
    });
  }

  async create(caller: Caller, input: CreateResponsibilityLetterInput): Promise<ResponsibilityLetter> {
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createResponsibilityLetter', input), async (manager) => {
      const { issuer, recipient, recipientPersonId } = await this.partiesFor(manager, caller, 'create', input);
      const letter = manager.create(ResponsibilityLetterEntity, {
        id: newId(),
        year: input.year,
        title: input.title,
        orgUnitId: recipient.id,
        orgPath: recipient.path,
        issuerUnitId: issuer.id,
        issuerPath: issuer.path,
        recipientPersonId,
        status: LetterStatus.DRAFT,
        needsResigning: false,
        issuedAt: null,
        signedAt: null,
        signedByPersonId: null,
        revokedAt: null,
        revokeReason: null,
        expiredAt: null,
      });
      await manager.save(letter);
      await replaceItems(manager, letter.id, input.items);
      return toResponsibilityLetter(letter);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  async update(caller: Caller, input: UpdateResponsibilityLetterInput): Promise<ResponsibilityLetter> {
    return this.dataSource.transaction(async (manager) => {
      const letter = await this.lockForIssuer(manager, caller, 'EDIT', input);
      letterStatusAfter('EDIT', letter); // only drafts are edited; the status stays
      if (input.recipientUnitId || input.recipientPersonId) {
        const { recipient, recipientPersonId } = await this.partiesFor(manager, caller, 'EDIT', {
          issuerUnitId: letter.issuerUnitId,
          recipientUnitId: input.recipientUnitId ?? letter.orgUnitId,
          recipientPersonId: input.recipientPersonId,
        });
        letter.orgUnitId = recipient.id;
        letter.orgPath = recipient.path;
        letter.recipientPersonId = recipientPersonId;
      }
      if (input.year !== undefined && input.year !== null) letter.year = input.year;
      if (input.title !== undefined && input.title !== null) letter.title = input.title;
      // Saving bumps the version even when only the items change.
      letter.updatedAt = new Date();
      await manager.save(letter);
      if (input.items) await replaceItems(manager, letter.id, input.items);
      return toResponsibilityLetter(letter);
    });
  }

  async issue(caller: Caller, input: VersionedInput): Promise<ResponsibilityLetter> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const letter = await this.lockForIssuer(manager, caller, 'ISSUE', input);
      const status = letterStatusAfter('ISSUE', letter);
      const items = await manager.countBy(ResponsibilityLetterItemEntity, { letterId: letter.id });
      if (items === 0) throw new ConflictError('INCOMPLETE', '责任书至少需要一项目标责任内容才能下达', { id: letter.id });
      await this.refreshParties(manager, letter);
      letter.status = status;
      letter.issuedAt = new Date();
      await manager.save(letter);
      await recordLetterIssued(manager, letter);
      return toResponsibilityLetter(letter);
    });
  }

  /** Signing (or re-signing after a change of leader) is personal: only the named recipient may do it. */
  async sign(caller: Caller, input: VersionedInput): Promise<ResponsibilityLetter> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const letter = await this.lockReadable(manager, caller, input.id);
      if (!isRecipient(caller, letter)) throw new ForbiddenError(refusalOf(LETTER_POLICY, 'SIGN'), 'NOT_THE_NAMED_PERSON');
      LETTER_ACCESS.checkVersion(letter, input);
      letter.status = letterStatusAfter('SIGN', letter);
      letter.signedAt = new Date();
      letter.signedByPersonId = caller.viewer.personId;
      letter.needsResigning = false;
      await manager.save(letter);
      await recordLetterSigned(manager, letter);
      return toResponsibilityLetter(letter);
    });
  }

  async revoke(caller: Caller, input: RevokeResponsibilityLetterInput): Promise<ResponsibilityLetter> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const letter = await this.lockForIssuer(manager, caller, 'REVOKE', input);
      letter.status = letterStatusAfter('REVOKE', letter);
      letter.revokedAt = new Date();
      letter.revokeReason = input.reason;
      await manager.save(letter);
      await recordLetterRevoked(manager, letter);
      return toResponsibilityLetter(letter);
    });
  }

  /** Deletes a draft (with its items) as if it had never been drawn up; letters once issued are revoked instead. */
  async delete(caller: Caller, input: VersionedInput): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const letter = await this.lockForIssuer(manager, caller, 'DELETE', input);
      letterStatusAfter('DELETE', letter);
      await auditedDelete(manager, ResponsibilityLetterItemEntity, { letterId: letter.id });
      await auditedDelete(manager, ResponsibilityLetterEntity, { id: letter.id });
      return letter.id;
    });
  }

  /** 续签: next year's drafts from this year's letters (see renewLetters). */
  async renew(caller: Caller, input: RenewResponsibilityLettersInput): Promise<{ renewed: ResponsibilityLetter[]; skipped: RenewalSkip[] }> {
    const outcome = await this.dataSource.transaction((manager) => renewLetters(manager, caller, input));
    return { renewed: outcome.renewed.map(toResponsibilityLetter), skipped: outcome.skipped };
  }

  /** Ends the issuer's letters of a year that is over; drafts and revoked letters are left as they are. */
  async expire(caller: Caller, input: ExpireResponsibilityLettersInput): Promise<ResponsibilityLetter[]> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const issuer = await ORG_UNIT_ACCESS.find(manager, caller, 'view', input.issuerUnitId);
      LETTER_ACCESS.checkRole(caller, 'EXPIRE', issuer.path);
      if (!yearHasEnded(input.year)) {
        throw new ConflictError('NOT_YET_DUE', `${input.year} 年度尚未结束，责任书不能置为到期`, { year: input.year });
      }
      const letters = await manager.find(ResponsibilityLetterEntity, {
        where: { issuerUnitId: issuer.id, year: input.year, status: In(statusesFrom('EXPIRE')) },
        order: { createdAt: 'ASC', id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const expiredAt = new Date();
      for (const letter of letters) {
        letter.status = letterStatusAfter('EXPIRE', letter);
        letter.expiredAt = expiredAt;
        await manager.save(letter);
        await recordLetterExpired(manager, letter);
      }
      return letters.map(toResponsibilityLetter);
    });
  }

  /**
   * For each direct child of the issuer: where its letter of the year stands. The issuer's own offices
   * (科室, e.g. a bureau's 安全股) are part of the issuer, not units it signs letters with.
   */
  async coverage(caller: Caller, issuerUnitId: string, year: number): Promise<LetterSigningCoverage> {
    const manager = this.dataSource.manager;
    const issuer = await ORG_UNIT_ACCESS.find(manager, caller, 'view', issuerUnitId);
    const children = await manager.find(OrgUnitEntity, { where: { parentId: issuer.id, kind: Not(OrgUnitKind.OFFICE) }, order: { code: 'ASC' } });
    const letters = children.length
      ? await manager.find(ResponsibilityLetterEntity, {
          where: { issuerUnitId: issuer.id, year, orgUnitId: In(children.map((child) => child.id)) },
        })
      : [];
    const units = children.map((child) => ({
      orgUnit: toOrgUnit(child),
      ...unitCoverage(letters.filter((letter) => letter.orgUnitId === child.id)),
    }));
    const signed = units.filter((unit) => unit.status === LetterCoverageStatus.SIGNED).length;
    return { issuerUnitId: issuer.id, year, units, totals: { units: units.length, signed, unsigned: units.length - signed } };
  }

  /**
   * Checks who a letter goes from and to: the caller acts for the issuer, the recipient lies below it, and
   * its signer is the recipient's first responsible person (a signer the caller names must be that person).
   */
  private async partiesFor(
    manager: EntityManager,
    caller: Caller,
    action: 'create' | 'EDIT',
    input: { issuerUnitId: string; recipientUnitId: string; recipientPersonId?: string | null },
  ): Promise<LetterParties> {
    const issuer = await ORG_UNIT_ACCESS.find(manager, caller, 'view', input.issuerUnitId);
    LETTER_ACCESS.checkRole(caller, action, issuer.path);
    const recipient = await ORG_UNIT_ACCESS.find(manager, caller, 'view', input.recipientUnitId);
    if (!isStrictlyBelow(issuer.path, recipient.path)) {
      throw new BadUserInputError([{ field: 'recipientUnitId', message: '受领单位必须是发文单位的下级单位' }]);
    }
    return { issuer, recipient, recipientPersonId: await signerOfLetterTo(manager, recipient, input.recipientPersonId) };
  }

  /**
   * Before a draft goes out, checks it against the tree as it is now (units may have moved and leaders
   * changed since it was drawn up): takes the current paths and addresses it to the current first
   * responsible person.
   */
  private async refreshParties(manager: EntityManager, letter: ResponsibilityLetterEntity): Promise<void> {
    const units = await manager.findBy(OrgUnitEntity, { id: In([letter.issuerUnitId, letter.orgUnitId]) });
    const issuer = units.find((unit) => unit.id === letter.issuerUnitId)!;
    const recipient = units.find((unit) => unit.id === letter.orgUnitId)!;
    if (!isStrictlyBelow(issuer.path, recipient.path)) {
      throw new ConflictError('OUTSIDE_RANGE', '受领单位已不在发文单位之下，请修改受领单位后再下达', { id: letter.id });
    }
    letter.recipientPersonId = await signerOfLetterTo(manager, recipient);
    letter.issuerPath = issuer.path;
    letter.orgPath = recipient.path;
  }

  private async lockReadable(manager: EntityManager, caller: Caller, id: string): Promise<ResponsibilityLetterEntity> {
    return readable(caller, id, await manager.findOne(ResponsibilityLetterEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }));
  }

  /** A letter locked for an issuer-side action: NOT_FOUND unreadable, FORBIDDEN without a role at the issuer, then a stale version. */
  private async lockForIssuer(manager: EntityManager, caller: Caller, action: LetterAction, input: VersionedInput): Promise<ResponsibilityLetterEntity> {
    const letter = await this.lockReadable(manager, caller, input.id);
    LETTER_ACCESS.checkRole(caller, action, letter.issuerPath);
    LETTER_ACCESS.checkVersion(letter, input);
    return letter;
  }
}

/** The letter if the caller may read it, else NOT_FOUND. */
function readable(caller: Caller, id: string, letter: ResponsibilityLetterEntity | null): ResponsibilityLetterEntity {
  if (!letter || !mayReadLetter(caller, letter)) throw new NotFoundError(LETTER_POLICY.label, id);
  return letter;
}

function filterConditions(caller: Caller, filter: ResponsibilityLetterFilter): SqlCondition[] {
  const conditions = [readableLetters(caller)];
  if (filter.year !== undefined && filter.year !== null) conditions.push({ sql: 'l.year = :year', params: { year: filter.year } });
  if (filter.status) conditions.push({ sql: 'l.status = :status', params: { status: filter.status } });
  if (filter.issuerUnitId) conditions.push({ sql: 'l.issuer_unit_id = :issuerUnitId', params: { issuerUnitId: filter.issuerUnitId } });
  if (filter.recipientUnitId) conditions.push({ sql: 'l.org_unit_id = :recipientUnitId', params: { recipientUnitId: filter.recipientUnitId } });
  if (filter.needsResigning !== undefined && filter.needsResigning !== null) {
    conditions.push({ sql: 'l.needs_resigning = :needsResigning', params: { needsResigning: filter.needsResigning ? 1 : 0 } });
  }
  return conditions;
}

async function replaceItems(manager: EntityManager, letterId: string, items: LetterItemInput[]): Promise<void> {
  await auditedDelete(manager, ResponsibilityLetterItemEntity, { letterId });
  if (items.length === 0) return;
  await manager.insert(
    ResponsibilityLetterItemEntity,
    items.map((item, position) => ({
      id: newId(),
      letterId,
      position,
      content: item.content,
      weight: item.weight === undefined || item.weight === null ? null : item.weight.toFixed(2),
    })),
  );
}
