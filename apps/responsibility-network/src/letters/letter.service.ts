import { ADMIN_ROLES, Role, Viewer } from '@campus/auth';
import { newId, orgScopeCondition, recentFirstKey, recentFirstPage, SqlCondition } from '@campus/database';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import {
  BadUserInputError,
  ConflictError,
  ConnectionShape,
  decodeCursor,
  ForbiddenError,
  NotFoundError,
  toConnection,
  VersionedInput,
} from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { toOrgUnit } from '../org-units/org-unit.types';
import { PersonEntity } from '../people/person.entity';
import { LetterCoverageStatus, LetterStatus } from './letter-enums';
import { ResponsibilityLetterEntity, ResponsibilityLetterItemEntity } from './letter.entity';
import { recordLetterExpired, recordLetterIssued, recordLetterRevoked, recordLetterSigned } from './letter.events';
import {
  CreateResponsibilityLetterInput,
  ExpireResponsibilityLettersInput,
  LetterItemInput,
  ResponsibilityLetterFilter,
  RevokeResponsibilityLetterInput,
  UpdateResponsibilityLetterInput,
} from './letter.inputs';
import { isInForce, isStrictlyBelow, signingRefusal, unitCoverage, yearHasEnded } from './letter-rules';
import {
  LetterSigningCoverage,
  ResponsibilityLetter,
  ResponsibilityLetterItem,
  toResponsibilityLetter,
  toResponsibilityLetterItem,
} from './letter.types';

/** Who draws up, issues, revokes and expires letters on the issuer's side. */
export const LETTER_ISSUER_ROLES: readonly Role[] = [...ADMIN_ROLES, Role.UNIT_LEADER];

interface LetterParties {
  issuer: OrgUnitEntity;
  recipient: OrgUnitEntity;
  recipientPerson: PersonEntity;
}

export class LetterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
  ) {}

  async get(viewer: Viewer, id: string): Promise<ResponsibilityLetter> {
    const letter = await this.dataSource.manager.findOneBy(ResponsibilityLetterEntity, { id });
    if (!letter || !mayRead(viewer, letter)) throw new NotFoundError('责任书', id);
    return toResponsibilityLetter(letter);
  }

  async list(viewer: Viewer, filter: ResponsibilityLetterFilter, first: number, after?: string | null): Promise<ConnectionShape<ResponsibilityLetter>> {
    const query = this.dataSource.manager.createQueryBuilder(ResponsibilityLetterEntity, 'l');
    for (const condition of filterConditions(viewer, filter)) query.andWhere(condition.sql, condition.params);
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

  async create(viewer: Viewer, input: CreateResponsibilityLetterInput): Promise<ResponsibilityLetter> {
    return this.dataSource.transaction(async (manager) => {
      const { issuer, recipient, recipientPerson } = await this.partiesFor(manager, viewer, input);
      const letter = manager.create(ResponsibilityLetterEntity, {
        id: newId(),
        year: input.year,
        title: input.title,
        orgUnitId: recipient.id,
        orgPath: recipient.path,
        issuerUnitId: issuer.id,
        issuerPath: issuer.path,
        recipientPersonId: recipientPerson.id,
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
    });
  }

  async update(viewer: Viewer, input: UpdateResponsibilityLetterInput): Promise<ResponsibilityLetter> {
    return this.dataSource.transaction(async (manager) => {
      const letter = await this.lockForIssuer(manager, viewer, input);
      if (letter.status !== LetterStatus.DRAFT) throw new ConflictError('ILLEGAL_TRANSITION', '只有草稿状态的责任书可以修改', { id: letter.id, status: letter.status });
      if (input.recipientUnitId || input.recipientPersonId) {
        const { recipient, recipientPerson } = await this.partiesFor(manager, viewer, {
          issuerUnitId: letter.issuerUnitId,
          recipientUnitId: input.recipientUnitId ?? letter.orgUnitId,
          recipientPersonId: input.recipientPersonId ?? letter.recipientPersonId,
        });
        letter.orgUnitId = recipient.id;
        letter.orgPath = recipient.path;
        letter.recipientPersonId = recipientPerson.id;
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

  async issue(viewer: Viewer, input: VersionedInput): Promise<ResponsibilityLetter> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const letter = await this.lockForIssuer(manager, viewer, input);
      if (letter.status !== LetterStatus.DRAFT) throw new ConflictError('ILLEGAL_TRANSITION', '只有草稿状态的责任书可以下达', { id: letter.id, status: letter.status });
      const items = await manager.countBy(ResponsibilityLetterItemEntity, { letterId: letter.id });
      if (items === 0) throw new ConflictError('INCOMPLETE', '责任书至少需要一项目标责任内容才能下达', { id: letter.id });
      await this.refreshParties(manager, letter);
      letter.status = LetterStatus.ISSUED;
      letter.issuedAt = new Date();
      await manager.save(letter);
      await recordLetterIssued(manager, letter);
      return toResponsibilityLetter(letter);
    });
  }

  /** Signing (or re-signing after a change of leader) is personal: only the named recipient may do it. */
  async sign(viewer: Viewer, input: VersionedInput): Promise<ResponsibilityLetter> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const letter = await this.lockVisible(manager, viewer, input.id);
      if (!viewer.personId || viewer.personId !== letter.recipientPersonId) throw new ForbiddenError('不能代他人签署责任书');
      requireVersion(letter, input.version);
      const refusal = signingRefusal(letter);
      if (refusal) throw new ConflictError('ILLEGAL_TRANSITION', refusal, { id: letter.id, status: letter.status });
      letter.status = LetterStatus.SIGNED;
      letter.signedAt = new Date();
      letter.signedByPersonId = viewer.personId;
      letter.needsResigning = false;
      await manager.save(letter);
      await recordLetterSigned(manager, letter);
      return toResponsibilityLetter(letter);
    });
  }

  async revoke(viewer: Viewer, input: RevokeResponsibilityLetterInput): Promise<ResponsibilityLetter> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const letter = await this.lockForIssuer(manager, viewer, input);
      if (!isInForce(letter.status)) {
        throw new ConflictError('ILLEGAL_TRANSITION', '只有已下达或已签署的责任书可以撤销', { id: letter.id, status: letter.status });
      }
      letter.status = LetterStatus.REVOKED;
      letter.revokedAt = new Date();
      letter.revokeReason = input.reason;
      await manager.save(letter);
      await recordLetterRevoked(manager, letter);
      return toResponsibilityLetter(letter);
    });
  }

  /** Ends the issuer's letters of a year that is over; drafts and revoked letters are left as they are. */
  async expire(viewer: Viewer, input: ExpireResponsibilityLettersInput): Promise<ResponsibilityLetter[]> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const issuer = await visibleUnit(manager, viewer, input.issuerUnitId);
      requireIssuerRole(viewer, issuer.path);
      if (!yearHasEnded(input.year)) {
        throw new ConflictError('NOT_YET_DUE', `${input.year} 年度尚未结束，责任书不能置为到期`, { year: input.year });
      }
      const letters = await manager.find(ResponsibilityLetterEntity, {
        where: { issuerUnitId: issuer.id, year: input.year, status: In([LetterStatus.ISSUED, LetterStatus.SIGNED]) },
        order: { createdAt: 'ASC', id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const expiredAt = new Date();
      for (const letter of letters) {
        letter.status = LetterStatus.EXPIRED;
        letter.expiredAt = expiredAt;
        await manager.save(letter);
        await recordLetterExpired(manager, letter);
      }
      return letters.map(toResponsibilityLetter);
    });
  }

  /** For each direct child of the issuer: where its letter of the year stands. */
  async coverage(viewer: Viewer, issuerUnitId: string, year: number): Promise<LetterSigningCoverage> {
    const manager = this.dataSource.manager;
    const issuer = await visibleUnit(manager, viewer, issuerUnitId);
    const children = await manager.find(OrgUnitEntity, { where: { parentId: issuer.id }, order: { code: 'ASC' } });
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

  /** Checks who a letter goes from and to: the viewer acts for the issuer, the recipient lies below it. */
  private async partiesFor(
    manager: EntityManager,
    viewer: Viewer,
    input: { issuerUnitId: string; recipientUnitId: string; recipientPersonId: string },
  ): Promise<LetterParties> {
    const issuer = await visibleUnit(manager, viewer, input.issuerUnitId);
    requireIssuerRole(viewer, issuer.path);
    const recipient = await visibleUnit(manager, viewer, input.recipientUnitId);
    if (!isStrictlyBelow(issuer.path, recipient.path)) {
      throw new BadUserInputError([{ field: 'recipientUnitId', message: '受领单位必须是发文单位的下级单位' }]);
    }
    const recipientPerson = await manager.findOneBy(PersonEntity, { id: input.recipientPersonId });
    if (!recipientPerson || !isActiveIn(recipientPerson, recipient)) {
      throw new BadUserInputError([{ field: 'recipientPersonId', message: '签署人必须是受领单位的在职人员' }]);
    }
    return { issuer, recipient, recipientPerson };
  }

  /**
   * Before a draft goes out, checks it against the tree as it is now (units may have moved and people
   * left since it was drawn up) and takes the current paths.
   */
  private async refreshParties(manager: EntityManager, letter: ResponsibilityLetterEntity): Promise<void> {
    const units = await manager.findBy(OrgUnitEntity, { id: In([letter.issuerUnitId, letter.orgUnitId]) });
    const issuer = units.find((unit) => unit.id === letter.issuerUnitId)!;
    const recipient = units.find((unit) => unit.id === letter.orgUnitId)!;
    if (!isStrictlyBelow(issuer.path, recipient.path)) {
      throw new ConflictError('OUTSIDE_RANGE', '受领单位已不在发文单位之下，请修改受领单位后再下达', { id: letter.id });
    }
    const person = await manager.findOneBy(PersonEntity, { id: letter.recipientPersonId });
    if (!person || !isActiveIn(person, recipient)) {
      throw new ConflictError('OUTSIDE_RANGE', '签署人已不在受领单位任职，请修改签署人后再下达', { id: letter.id });
    }
    letter.issuerPath = issuer.path;
    letter.orgPath = recipient.path;
  }

  private async lockVisible(manager: EntityManager, viewer: Viewer, id: string): Promise<ResponsibilityLetterEntity> {
    const letter = await manager.findOne(ResponsibilityLetterEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!letter || !mayRead(viewer, letter)) throw new NotFoundError('责任书', id);
    return letter;
  }

  private async lockForIssuer(manager: EntityManager, viewer: Viewer, input: VersionedInput): Promise<ResponsibilityLetterEntity> {
    const letter = await this.lockVisible(manager, viewer, input.id);
    requireIssuerRole(viewer, letter.issuerPath);
    requireVersion(letter, input.version);
    return letter;
  }
}

/** A letter is read on both sides: by viewers covering the recipient or the issuer, and by the person who must sign it. */
function mayRead(viewer: Viewer, letter: ResponsibilityLetterEntity): boolean {
  return viewer.covers(letter.orgPath) || viewer.covers(letter.issuerPath) || viewer.personId === letter.recipientPersonId;
}

function readableCondition(viewer: Viewer): SqlCondition {
  const recipientSide = orgScopeCondition('l.org_path', viewer.scopePaths, 'recipientScope');
  const issuerSide = orgScopeCondition('l.issuer_path', viewer.scopePaths, 'issuerScope');
  const parts = [recipientSide.sql, issuerSide.sql];
  const params: Record<string, unknown> = { ...recipientSide.params, ...issuerSide.params };
  if (viewer.personId) {
    parts.push('l.recipient_person_id = :viewerPersonId');
    params.viewerPersonId = viewer.personId;
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

function filterConditions(viewer: Viewer, filter: ResponsibilityLetterFilter): SqlCondition[] {
  const conditions = [readableCondition(viewer)];
  if (filter.year !== undefined && filter.year !== null) conditions.push({ sql: 'l.year = :year', params: { year: filter.year } });
  if (filter.status) conditions.push({ sql: 'l.status = :status', params: { status: filter.status } });
  if (filter.issuerUnitId) conditions.push({ sql: 'l.issuer_unit_id = :issuerUnitId', params: { issuerUnitId: filter.issuerUnitId } });
  if (filter.recipientUnitId) conditions.push({ sql: 'l.org_unit_id = :recipientUnitId', params: { recipientUnitId: filter.recipientUnitId } });
  if (filter.needsResigning !== undefined && filter.needsResigning !== null) {
    conditions.push({ sql: 'l.needs_resigning = :needsResigning', params: { needsResigning: filter.needsResigning ? 1 : 0 } });
  }
  return conditions;
}

async function visibleUnit(manager: EntityManager, viewer: Viewer, id: string): Promise<OrgUnitEntity> {
  const unit = await manager.findOneBy(OrgUnitEntity, { id });
  if (!unit || !viewer.covers(unit.path)) throw new NotFoundError('单位', id);
  return unit;
}

function isActiveIn(person: PersonEntity, unit: OrgUnitEntity): boolean {
  return person.active && person.orgUnitId === unit.id;
}

function requireIssuerRole(viewer: Viewer, issuerPath: string): void {
  if (!viewer.hasRoleAt(LETTER_ISSUER_ROLES, issuerPath)) {
    throw new ForbiddenError('只有发文单位负责人或安全管理部门可以制定、下达、撤销责任书');
  }
}

function requireVersion(letter: ResponsibilityLetterEntity, version: number): void {
  if (letter.version !== version) {
    throw new ConflictError('STALE_VERSION', '责任书已被他人修改，请刷新后重试', { id: letter.id, currentVersion: letter.version });
  }
}

async function replaceItems(manager: EntityManager, letterId: string, items: LetterItemInput[]): Promise<void> {
  await manager.delete(ResponsibilityLetterItemEntity, { letterId });
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
