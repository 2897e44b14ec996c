import { BadUserInputError, Caller, ConflictError, FieldProblem } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { EntityManager } from 'typeorm';
import { SupervisionWorkGroupEntity } from './supervision.entity';

const SUPERVISION_GROUP_KIND = 'SUPERVISION_GROUP';

export interface InspectedUnit {
  orgUnitId: string;
  orgPath: string;
}

/** The inspected units: each one the caller sees (else NOT_FOUND) and strictly below the organiser (else OUTSIDE_RANGE). */
export async function inspectedUnits(directory: OrgUnitDirectory, caller: Caller, organiserPath: string, unitIds: string[]): Promise<InspectedUnit[]> {
  const units: InspectedUnit[] = [];
  for (const orgUnitId of [...new Set(unitIds)]) {
    const orgPath = await visibleUnitPath(directory, caller, orgUnitId);
    if (orgPath === organiserPath || !orgPath.startsWith(organiserPath)) {
      throw new ConflictError('OUTSIDE_RANGE', '被检查单位须为组织单位的下级单位', { orgUnitId });
    }
    units.push({ orgUnitId, orgPath });
  }
  return units;
}

/**
 * The supervision group as responsibility-network's work-group.changed events describe it: a 督导组, not
 * dissolved, set up by the organiser or a unit above it (a bureau's group may carry out a school's inspection).
 */
export async function checkSupervisionGroup(manager: EntityManager, groupId: string, organiserPath: string): Promise<void> {
  const group = await manager.findOneBy(SupervisionWorkGroupEntity, { id: groupId });
  const problem = !group
    ? '督导组不存在（新成立的督导组需稍后片刻才能选用）'
    : group.kind !== SUPERVISION_GROUP_KIND
      ? '所选工作机构不是督导组'
      : !group.active
        ? '该督导组已撤销'
        : !organiserPath.startsWith(group.orgPath)
          ? '督导组须为组织单位或其上级单位成立的督导组'
          : null;
  if (problem) throw new BadUserInputError([{ field: 'supervisionGroupId', message: problem }]);
}

export function checkDates(startsOn: string, endsOn: string): void {
  const problems: FieldProblem[] = [];
  if (endsOn < startsOn) problems.push({ field: 'endsOn', message: '结束日期不能早于开始日期' });
  if (problems.length) throw new BadUserInputError(problems);
}

/** Focus areas and checklist items trimmed, blanks and repeats dropped. */
export function cleanItems(items: string[]): string[] {
  return [...new Set(items.map((item) => item.trim()).filter(Boolean))];
}
