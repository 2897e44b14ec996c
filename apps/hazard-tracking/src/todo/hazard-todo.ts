import type { Viewer } from '@campus/auth';
import { calendarDateOf, TodoItem, todoItem, TodoKind, todoSection } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { HazardAction, HazardStatus, SENSITIVE_HAZARD_CATEGORIES } from '../hazards/hazard-enums';
import { HAZARD_ACCESS } from '../hazards/hazard.access';
import { InspectionCadence } from '../inspections/inspection-enums';
import { addDays, periodContaining } from '../inspections/periods';
import {
  campaignReportTodoRows,
  equipmentTodoRows,
  HazardTodoAction,
  hazardTodoRows,
  HazardTodoRow,
  inspectionTaskTodoRows,
  InspectionTaskTodoRow,
} from './hazard-todo-queries';

/** Campaign report dates this many days ahead are listed (and every one missed). */
export const CAMPAIGN_REPORT_LOOKAHEAD_DAYS = 7;
/** Special equipment due for its periodic inspection within this many days is listed (and every overdue one). */
export const EQUIPMENT_LOOKAHEAD_DAYS = 30;

const HAZARD_STEP: Partial<Record<HazardStatus, { action: HazardTodoAction | null; kind: TodoKind; verb: string }>> = {
  DISCOVERED: { action: HazardAction.ASSESS, kind: TodoKind.HAZARD_ASSESS, verb: '待登记评估' },
  REGISTERED: { action: HazardAction.REPORT, kind: TodoKind.HAZARD_REPORT, verb: '待报告' },
  REPORTED: { action: HazardAction.START_RECTIFICATION, kind: TodoKind.HAZARD_START, verb: '待制定整改方案并开始治理' },
  RECTIFYING: { action: null, kind: TodoKind.HAZARD_RECTIFY, verb: '待整改' },
  PENDING_ACCEPTANCE: { action: HazardAction.ACCEPT, kind: TodoKind.HAZARD_ACCEPT, verb: '待验收' },
};

/**
 * hazard-tracking's section of the viewer's to-do list: hazards awaiting their step of the loop, their
 * inspections due and missed, campaign reports due for their units and special equipment due for its
 * inspection. Four statements, run together; capped at TODO_SECTION_CAP.
 */
export async function hazardTodoOf(manager: EntityManager, viewer: Viewer, now = new Date()): Promise<TodoItem[]> {
  const today = calendarDateOf(now);
  const personId = viewer.personId as string;
  const [hazards, tasks, reports, equipment] = await Promise.all([
    hazardTodoRows(manager, viewer),
    inspectionTaskTodoRows(manager, personId),
    campaignReportTodoRows(manager, viewer, addDays(today, CAMPAIGN_REPORT_LOOKAHEAD_DAYS)),
    equipmentTodoRows(manager, viewer, addDays(today, EQUIPMENT_LOOKAHEAD_DAYS)),
  ]);
  const items: TodoItem[] = [
    ...hazards.flatMap((row) => hazardItem(row, viewer, today)),
    ...tasks.flatMap((task) => inspectionItems(task, today)),
    ...reports.map((report) =>
      todoItem(
        {
          kind: TodoKind.CAMPAIGN_REPORT,
          title: `专项整治统计表待报送：${report.title}`,
          detail: `报送日期 ${report.reportDate}`,
          objectType: 'Campaign',
          objectId: report.campaignId,
          orgUnitId: report.orgUnitId,
          deadline: report.reportDate,
        },
        today,
      ),
    ),
    ...equipment.map((row) =>
      todoItem(
        { kind: TodoKind.SPECIAL_EQUIPMENT_INSPECTION, title: `特种设备待定期检验：${row.name}`, objectType: 'SpecialEquipment', objectId: row.id, orgUnitId: row.orgUnitId, deadline: row.nextInspectionDue },
        today,
      ),
    ),
  ];
  return todoSection(items);
}

/**
 * The step a hazard waits for from this viewer, if any: the transition table's role at the hazard's unit
 * (the SQL found it in scope); in rectification, only its rectifier or responsible person; never accepting
 * one's own rectification.
 */
export function hazardItem(row: HazardTodoRow, viewer: Viewer, today: string): TodoItem[] {
  const step = HAZARD_STEP[row.status];
  if (!step) return [];
  const own = row.responsiblePersonId === viewer.personId || row.rectifiedByPersonId === viewer.personId;
  if (step.action === null ? !own : !HAZARD_ACCESS.allows({ viewer }, step.action, row.orgPath, SENSITIVE_HAZARD_CATEGORIES.includes(row.category as never))) return [];
  if (step.action === HazardAction.ACCEPT && own) return [];
  return [todoItem({ kind: step.kind, title: `隐患${step.verb}：${row.title}`, objectType: 'Hazard', objectId: row.id, orgUnitId: row.orgUnitId, deadline: row.deadline }, today)];
}

/** The task's current period if not yet inspected (due), and the one before it if it was missed. */
export function inspectionItems(task: InspectionTaskTodoRow, today: string): TodoItem[] {
  const schedule = { cadence: task.cadence as InspectionCadence, startsOn: task.startsOn, endsOn: task.endsOn };
  const done = task.lastPeriodEnd ?? '';
  const items: TodoItem[] = [];
  const current = periodContaining(schedule, today);
  const previous = periodContaining(schedule, addDays(current?.start ?? today, -1));
  const base = { objectType: 'InspectionTask', objectId: task.id, orgUnitId: task.orgUnitId };
  if (previous && previous.end < today && done < previous.end) {
    items.push(todoItem({ ...base, kind: TodoKind.INSPECTION_MISSED, title: `漏检：${task.name}（${task.placeText}）`, detail: `${previous.start} 至 ${previous.end}`, deadline: previous.end }, today));
  }
  if (current && done < current.end) {
    items.push(todoItem({ ...base, kind: TodoKind.INSPECTION_DUE, title: `待检查：${task.name}（${task.placeText}）`, detail: `${current.start} 至 ${current.end}`, deadline: current.end }, today));
  }
  return items;
}
