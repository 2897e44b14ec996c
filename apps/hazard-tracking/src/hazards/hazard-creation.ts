import { newId } from '@campus/database';
import { HazardRegistered, recordEvent } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import { numberingUnitOf } from '@campus/org-directory';
import { requireTransition } from '@campus/server';
import { EntityManager } from 'typeorm';
import { HazardAction, HazardCategory, HazardGrade, HazardSource, SENSITIVE_HAZARD_CATEGORIES } from './hazard-enums';
import { HAZARD_TRANSITIONS, HazardCreation } from './hazard.access';
import { recordHazardChange } from './hazard-rollup';
import { appendStep, StepActor } from './hazard-steps';
import { HazardEntity } from './hazard.entity';

/**
 * Everything a new hazard records; the unit's path is resolved, and a person's right to create there
 * checked (HAZARD_ACCESS.checkRole with the creation action), by the caller.
 */
export interface NewHazard {
  orgUnitId: string;
  orgPath: string;
  title: string;
  description: string;
  category: HazardCategory;
  grade: HazardGrade;
  source: HazardSource;
  placeText: string;
  discoveredAt: Date;
  discoveredByPersonId?: string | null;
  placeId?: string | null;
  gridId?: string | null;
  campaignId?: string | null;
  /** The record that raised it in this or another service, e.g. { type: 'INSPECTION', id }. */
  sourceRef?: { type: string; id: string } | null;
  /** The creation row of the table: REGISTER by default, DISCOVER for a discovery awaiting assessment (随手拍). */
  action?: HazardCreation;
}

/**
 * Inserts a hazard in the state its creation row gives (REGISTERED, or DISCOVERED) with its readable code,
 * then its first history step, its monthly rollup and the hazard.registered event, in the caller's
 * transaction. The one way hazards come into being (registration, inspections, other services' findings).
 */
export async function insertHazard(manager: EntityManager, facts: NewHazard, actor: StepActor): Promise<HazardEntity> {
  const action = facts.action ?? HazardAction.REGISTER;
  const status = requireTransition(HAZARD_TRANSITIONS, action, null, null);
  const hazard = manager.create(HazardEntity, {
    id: newId(),
    code: await nextHazardCode(manager, facts.orgPath, Number(calendarDateOf(facts.discoveredAt).slice(0, 4))),
    title: facts.title,
    description: facts.description,
    category: facts.category,
    grade: facts.grade,
    source: facts.source,
    status,
    placeText: facts.placeText,
    discoveredAt: facts.discoveredAt,
    discoveredByPersonId: facts.discoveredByPersonId ?? null,
    registeredByAccountId: actor.accountId,
    orgUnitId: facts.orgUnitId,
    orgPath: facts.orgPath,
    placeId: facts.placeId ?? null,
    gridId: facts.gridId ?? null,
    campaignId: facts.campaignId ?? null,
    sourceRefType: facts.sourceRef?.type ?? null,
    sourceRefId: facts.sourceRef?.id ?? null,
  });
  await manager.save(hazard);
  await appendStep(manager, hazard, actor, { action, from: null, to: status, at: hazard.createdAt });
  await recordHazardChange(manager, hazard);
  await recordEvent(manager, HazardRegistered, hazard.id, {
    id: hazard.id,
    code: hazard.code,
    orgUnitId: hazard.orgUnitId,
    orgPath: hazard.orgPath,
    category: hazard.category,
    grade: hazard.grade,
    source: hazard.source,
    status,
    version: hazard.version,
    discoveredAt: hazard.discoveredAt.toISOString(),
    registeredAt: hazard.createdAt.toISOString(),
    // A sensitive case's title stays here: other services count it by category, never read what it is about.
    title: SENSITIVE_HAZARD_CATEGORIES.includes(hazard.category) ? undefined : hazard.title,
    sourceRefType: hazard.sourceRefType,
    sourceRefId: hazard.sourceRefId,
  });
  return hazard;
}

/**
 * Readable codes, sequential per school and year: XDZY-YH-2026-0001. A unit above schools (a bureau)
 * numbers its own; until the unit's path is projected the deployment-wide YH-2026-0001 series is used.
 */
async function nextHazardCode(manager: EntityManager, orgPath: string, year: number): Promise<string> {
  const numberingUnit = await numberingUnitOf(manager, orgPath);
  const key = numberingUnit?.id ?? '';
  await manager.query(
    'INSERT INTO hazard_code_counter (numbering_unit_id, year, last_value) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE last_value = last_value + 1',
    [key, year],
  );
  const [{ last_value: value }] = await manager.query('SELECT last_value FROM hazard_code_counter WHERE numbering_unit_id = ? AND year = ?', [
    key,
    year,
  ]);
  const prefix = numberingUnit ? `${numberingUnit.code}-YH` : 'YH';
  return `${prefix}-${year}-${String(value).padStart(4, '0')}`;
}
