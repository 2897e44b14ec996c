import { keysetPage, newId } from '@campus/database';
import { BadUserInputError, Caller, ConflictError, ConnectionShape, decodeCursor, FieldProblem, toConnection } from '@campus/graphql';
import { clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { PERSON_ACCESS } from '../people/person.access';
import { PersonEntity } from '../people/person.entity';
import { PLACE_ACCESS } from '../places/place.access';
import { PlaceEntity } from '../places/place.entity';
import { PlaceFunction } from '../places/place-kind';
import { toPlace } from '../places/place.types';
import { LAB_ACCESS_ACCESS, LAB_ACCESS_TRANSITIONS, LAB_REQUIREMENTS_ACCESS } from './lab-access.access';
import { LabAccessEntity, LabAccessRefusalEntity, LabRequirementsEntity } from './lab-access.entity';
import { toLabAccessCheck, toLabAccessEntry, toLabAccessRefusal, toLabRequirements } from './lab-access.mapping';
import {
  AdmitToLabInput,
  LabAccessCheck,
  LabAccessEntry,
  LabAccessRefusal,
  LabAccessStatus,
  LabRequirementInput,
  LabRequirements,
  LabRequirementsPayload,
  RevokeLabAccessInput,
  SetLabRequirementsInput,
} from './lab-access.types';
import { educationFactsOf } from './lab-education-facts';
import { assessRequirements, LabRequirementKind, missingMessage, RequirementAssessment } from './lab-requirement';

const NO_REQUIREMENTS = { version: 0 } as LabRequirementsEntity;
/** Education topic codes as education-drills publishes them (EducationTopic). */
const TOPIC_CODE = /^[A-Z][A-Z_]{1,39}$/;

/** Refused for missing requirements: the attempt is recorded (in its own transaction) before the refusal is answered. */
class LabRequirementsNotMet extends ConflictError {
  constructor(
    readonly lab: PlaceEntity,
    readonly personId: string,
    readonly assessments: RequirementAssessment[],
  ) {
    const missing = assessments.filter((item) => !item.met);
    super('LAB_REQUIREMENTS_NOT_MET', missingMessage(lab.name, assessments), {
      labId: lab.id,
      personId,
      missing: missing.map((item) => ({ kind: item.kind, topic: item.topic, validDays: item.validDays, lastAt: item.lastAt?.toISOString() ?? null, missing: item.missing })),
    });
  }
}

/** 实验室准入: requirements per lab, admissions checked against education facts, refused attempts kept. */
export class LabAccessService {
  constructor(private readonly dataSource: DataSource) {}

  /** Many labs' requirements in one statement (Place.labRequirements). */
  createRequirementsLoader(caller: Caller): DataLoader<string, LabRequirements | null> {
    return new DataLoader(async (placeIds) => {
      const scope = LAB_REQUIREMENTS_ACCESS.where(caller, 'view', 'r.org_path');
      const rows = await this.dataSource
        .getRepository(LabRequirementsEntity)
        .createQueryBuilder('r')
        .where(scope.sql, scope.params)
        .andWhere('r.place_id IN (:...placeIds)', { placeIds: [...placeIds] })
        .getMany();
      const byPlace = new Map(rows.map((row) => [row.placeId, toLabRequirements(row)]));
      return placeIds.map((id) => byPlace.get(id) ?? null);
    });
  }

  /** Replaces a lab's requirements (version 0 for the first time). */
  async setRequirements(caller: Caller, input: SetLabRequirementsInput): Promise<LabRequirementsPayload> {
    return this.dataSource.transaction(async (manager) => {
      const lab = await labFor(manager, caller, input.labId, true);
      const existing = await manager.findOne(LabRequirementsEntity, { where: { placeId: lab.id }, lock: { mode: 'pessimistic_write' } });
      LAB_REQUIREMENTS_ACCESS.check(caller, 'set', { id: existing?.id ?? lab.id, path: lab.orgPath });
      // Checked after scope and role, so a lab out of scope reads as NOT_FOUND whatever the input.
      const problems = requirementProblems(input.items);
      if (problems.length) throw new BadUserInputError(problems);
      requireActive(lab);
      LAB_REQUIREMENTS_ACCESS.checkVersion(existing ?? NO_REQUIREMENTS, { id: existing?.id ?? lab.id, version: input.version });
      const row = existing ?? manager.create(LabRequirementsEntity, { id: newId(), placeId: lab.id, orgUnitId: lab.orgUnitId, orgPath: lab.orgPath });
      row.items = input.items.map((item) => ({ kind: item.kind, topic: item.topic.trim(), validDays: item.validDays ?? null }));
      row.changedByAccountId = caller.viewer.accountId;
      return { requirements: toLabRequirements(await manager.save(row)), lab: toPlace(lab) };
    });
  }

  /** A person against a lab's requirements now: met or what is missing. */
  async check(caller: Caller, labId: string, personId: string): Promise<LabAccessCheck> {
    const manager = this.dataSource.manager;
    const lab = await labFor(manager, caller, labId, false);
    LAB_ACCESS_ACCESS.checkRole(caller, 'view', lab.orgPath);
    const person = await PERSON_ACCESS.find(manager, caller, 'view', personId);
    const now = new Date();
    return toLabAccessCheck(lab.id, person.id, now, await assess(manager, lab.id, person.id, now));
  }

  /** Admits a person until `expiresAt` when the lab's requirements are met now; otherwise records the refusal and refuses. */
  async admit(caller: Caller, input: AdmitToLabInput): Promise<LabAccessEntry> {
    try {
      const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'admitToLab', input), (manager) => admitIn(manager, caller, input)));
      return toLabAccessEntry(outcome.created ?? (await this.dataSource.manager.findOneByOrFail(LabAccessEntity, { id: outcome.id })), new Date());
    } catch (error) {
      if (error instanceof LabRequirementsNotMet) await this.recordRefusal(caller, error);
      throw error;
    }
  }

  async revoke(caller: Caller, input: RevokeLabAccessInput): Promise<LabAccessEntry> {
    return this.dataSource.transaction(async (manager) => {
      const { row, next } = await lockTransition(LAB_ACCESS_ACCESS, manager, caller, LAB_ACCESS_TRANSITIONS, 'REVOKE', input);
      row.status = next;
      row.revokedAt = new Date();
      row.revokedByPersonId = caller.viewer.personId;
      row.revokeReason = input.reason.trim();
      return toLabAccessEntry(await manager.save(row), new Date());
    });
  }

  /** A lab's access list, latest admission first; expired entries show as expired (empty for a place that is not a lab). */
  async entries(caller: Caller, labId: string, status: LabAccessStatus | null | undefined, first: number, after?: string | null): Promise<ConnectionShape<LabAccessEntry>> {
    const lab = await placeToRead(this.dataSource.manager, caller, labId);
    LAB_ACCESS_ACCESS.checkRole(caller, 'view', lab.orgPath);
    const now = new Date();
    const query = this.dataSource.getRepository(LabAccessEntity).createQueryBuilder('a').where('a.place_id = :labId', { labId: lab.id });
    if (status === LabAccessStatus.REVOKED) query.andWhere("a.status = 'REVOKED'");
    if (status === LabAccessStatus.ACTIVE) query.andWhere("a.status = 'ACTIVE' AND a.expires_at > :now", { now });
    if (status === LabAccessStatus.EXPIRED) query.andWhere("a.status = 'ACTIVE' AND a.expires_at <= :now", { now });
    const order = { column: 'admitted_at', direction: 'DESC', fromCursor: (value: string) => new Date(value) } as const;
    const page = await keysetPage(query, 'a', order, first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, (row) => [row.admittedAt.toISOString(), row.id], (row) => toLabAccessEntry(row, now));
  }

  /** A lab's refused admission attempts, latest first, each with what was missing (empty for a place that is not a lab). */
  async refusals(caller: Caller, labId: string, first: number, after?: string | null): Promise<ConnectionShape<LabAccessRefusal>> {
    const lab = await placeToRead(this.dataSource.manager, caller, labId);
    LAB_ACCESS_ACCESS.checkRole(caller, 'view', lab.orgPath);
    const query = this.dataSource.getRepository(LabAccessRefusalEntity).createQueryBuilder('r').where('r.place_id = :labId', { labId: lab.id });
    const order = { column: 'attempted_at', direction: 'DESC', fromCursor: (value: string) => new Date(value) } as const;
    const page = await keysetPage(query, 'r', order, first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, (row) => [row.attemptedAt.toISOString(), row.id], toLabAccessRefusal);
  }

  private async recordRefusal(caller: Caller, refusal: LabRequirementsNotMet): Promise<void> {
    await this.dataSource.manager.insert(LabAccessRefusalEntity, {
      id: newId(),
      placeId: refusal.lab.id,
      orgPath: refusal.lab.orgPath,
      personId: refusal.personId,
      attemptedAt: new Date(),
      attemptedByAccountId: caller.viewer.accountId,
      attemptedByPersonId: caller.viewer.personId,
      missing: refusal.assessments
        .filter((item) => !item.met)
        .map((item) => ({ kind: item.kind, topic: item.topic, validDays: item.validDays, lastAt: item.lastAt?.toISOString() ?? null, missing: item.missing ?? '' })),
    });
  }
}

async function admitIn(manager: EntityManager, caller: Caller, input: AdmitToLabInput): Promise<LabAccessEntity> {
  // Locking the lab serialises admissions to it, so one person is not admitted twice at once.
  const lab = await labFor(manager, caller, input.labId, true);
  LAB_ACCESS_ACCESS.checkRole(caller, 'admit', lab.orgPath);
  requireActive(lab);
  const person = await PERSON_ACCESS.find(manager, caller, 'view', input.personId);
  const now = new Date();
  if (input.expiresAt <= now) throw new BadUserInputError([{ field: 'expiresAt', message: '到期时间须晚于当前时间' }]);
  if (!person.active) throw new BadUserInputError([{ field: 'personId', message: `${person.name}已停用` }]);
  const assessments = await assess(manager, lab.id, person.id, now);
  if (assessments.some((item) => !item.met)) throw new LabRequirementsNotMet(lab, person.id, assessments);
  await refuseDuplicate(manager, lab, person, now);
  const entry = manager.create(LabAccessEntity, {
    id: newId(),
    placeId: lab.id,
    orgUnitId: lab.orgUnitId,
    orgPath: lab.orgPath,
    personId: person.id,
    status: 'ACTIVE',
    admittedAt: now,
    admittedByAccountId: caller.viewer.accountId,
    admittedByPersonId: caller.viewer.personId,
    expiresAt: input.expiresAt,
    revokedAt: null,
    revokedByPersonId: null,
    revokeReason: null,
  });
  return manager.save(entry);
}

async function refuseDuplicate(manager: EntityManager, lab: PlaceEntity, person: PersonEntity, now: Date): Promise<void> {
  const current = await manager
    .createQueryBuilder(LabAccessEntity, 'a')
    .where("a.place_id = :labId AND a.person_id = :personId AND a.status = 'ACTIVE' AND a.expires_at > :now", { labId: lab.id, personId: person.id, now })
    .getOne();
  if (current) {
    throw new ConflictError('DUPLICATE', `${person.name}已有「${lab.name}」的有效准入，请到期或撤销后再办理`, { entryId: current.id });
  }
}

async function assess(manager: EntityManager, labId: string, personId: string, at: Date): Promise<RequirementAssessment[]> {
  const requirements = await manager.findOneBy(LabRequirementsEntity, { placeId: labId });
  return assessRequirements(requirements?.items ?? [], await educationFactsOf(manager, personId), at);
}

/**
 * A place in the caller's scope (NOT_FOUND otherwise) whose lists are read: a place that is not a lab simply has
 * no entries or refusals, so its lists are empty rather than refused (only setting and admitting need a lab).
 */
function placeToRead(manager: EntityManager, caller: Caller, labId: string): Promise<PlaceEntity> {
  return PLACE_ACCESS.find(manager, caller, 'view', labId);
}

/** A lab in the caller's scope (NOT_FOUND otherwise): a place whose function is LAB. */
async function labFor(manager: EntityManager, caller: Caller, labId: string, lock: boolean): Promise<PlaceEntity> {
  const lab = lock ? await PLACE_ACCESS.lock(manager, caller, 'view', { id: labId }) : await PLACE_ACCESS.find(manager, caller, 'view', labId);
  if (lab.placeFunction !== PlaceFunction.LAB) throw new BadUserInputError([{ field: 'labId', message: `「${lab.name}」不是实验实训室` }]);
  return lab;
}

function requireActive(lab: PlaceEntity): void {
  if (!lab.active) throw new ConflictError('INACTIVE', `「${lab.name}」已停用`, { labId: lab.id });
}

function requirementProblems(items: readonly LabRequirementInput[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = `${item.kind}:${item.topic.trim()}`;
    if (item.kind === LabRequirementKind.TRAINING && !TOPIC_CODE.test(item.topic.trim())) {
      problems.push({ field: `items.${index}.topic`, message: '培训条件须填写安全教育主题代码（如 LAB_SAFETY、FIRE）' });
    }
    if (seen.has(key)) problems.push({ field: `items.${index}.topic`, message: '准入条件重复' });
    seen.add(key);
  });
  return problems;
}
