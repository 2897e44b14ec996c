import { Role } from '@campus/auth';
import { viewerWith } from '@campus/testing';
import { HazardStatus } from '../hazards/hazard-enums';
import { hazardItem, inspectionItems } from './hazard-todo';
import { HazardTodoRow, InspectionTaskTodoRow } from './hazard-todo-queries';

// Wednesday 2026-12-09.
const TODAY = '2026-12-09';
const task = (overrides: Partial<InspectionTaskTodoRow>): InspectionTaskTodoRow => ({
  id: 't1', name: '消防巡查', placeText: '信息楼', orgUnitId: 'ca', cadence: 'DAILY', startsOn: '2026-09-01', endsOn: null, lastPeriodEnd: null, ...overrides,
});
const summary = (row: InspectionTaskTodoRow) => inspectionItems(row, TODAY).map((item) => `${item.kind} ${item.deadline} ${item.urgency}`);

describe('inspection to-dos', () => {
  it('lists today’s daily inspection and yesterday’s if it was missed', () => {
    expect(summary(task({ lastPeriodEnd: '2026-12-07' }))).toEqual(['INSPECTION_MISSED 2026-12-08 OVERDUE', 'INSPECTION_DUE 2026-12-09 DUE_TODAY']);
    expect(summary(task({ lastPeriodEnd: '2026-12-08' }))).toEqual(['INSPECTION_DUE 2026-12-09 DUE_TODAY']);
    expect(summary(task({ lastPeriodEnd: TODAY }))).toEqual([]);
  });

  it('gives a weekly task the week’s end as deadline and last week as missed', () => {
    expect(summary(task({ cadence: 'WEEKLY', lastPeriodEnd: null }))).toEqual(['INSPECTION_MISSED 2026-12-06 OVERDUE', 'INSPECTION_DUE 2026-12-13 LATER']);
    expect(summary(task({ cadence: 'WEEKLY', lastPeriodEnd: '2026-12-06' }))).toEqual(['INSPECTION_DUE 2026-12-13 LATER']);
  });

  it('lists nothing before a task starts or after it ends, and no missed period before its first', () => {
    expect(summary(task({ startsOn: '2026-12-10' }))).toEqual([]);
    expect(summary(task({ startsOn: TODAY }))).toEqual(['INSPECTION_DUE 2026-12-09 DUE_TODAY']);
    expect(summary(task({ endsOn: '2026-12-08', lastPeriodEnd: '2026-12-08' }))).toEqual([]);
  });
});

describe('hazard to-dos', () => {
  const row = (status: HazardStatus, overrides: Partial<HazardTodoRow> = {}): HazardTodoRow => ({
    id: 'h1', title: '灭火器过期', status, orgUnitId: 'ca', orgPath: '/s/ca/', category: 'FIRE', deadline: '2026-12-20', discoveredAt: new Date(), responsiblePersonId: null, rectifiedByPersonId: null, ...overrides,
  });
  const officer = viewerWith('officer', [[Role.UNIT_SAFETY_OFFICER, 'ca', '/s/ca/']], 'p-officer');
  const inspector = viewerWith('inspector', [[Role.INSPECTOR, 's', '/s/']], 'p-inspector');
  const kinds = (viewer: typeof officer, hazard: HazardTodoRow) => hazardItem(hazard, viewer, TODAY).map((item) => item.kind);

  it('offers the step of the transition table the viewer’s role holds', () => {
    expect(kinds(officer, row(HazardStatus.DISCOVERED))).toEqual(['HAZARD_ASSESS']);
    expect(kinds(officer, row(HazardStatus.REPORTED))).toEqual(['HAZARD_START']);
    expect(kinds(inspector, row(HazardStatus.REGISTERED))).toEqual([]);
    expect(kinds(inspector, row(HazardStatus.PENDING_ACCEPTANCE))).toEqual(['HAZARD_ACCEPT']);
    expect(kinds(officer, row(HazardStatus.CLOSED))).toEqual([]);
  });

  it('gives rectification only to its rectifier or responsible person, and never one’s own acceptance', () => {
    expect(kinds(officer, row(HazardStatus.RECTIFYING))).toEqual([]);
    expect(kinds(officer, row(HazardStatus.RECTIFYING, { responsiblePersonId: 'p-officer' }))).toEqual(['HAZARD_RECTIFY']);
    expect(kinds(officer, row(HazardStatus.PENDING_ACCEPTANCE, { rectifiedByPersonId: 'p-officer' }))).toEqual([]);
    expect(kinds(officer, row(HazardStatus.PENDING_ACCEPTANCE))).toEqual(['HAZARD_ACCEPT']);
  });

  it('keeps a psychological hazard from a manager who does not handle that kind', () => {
    expect(kinds(officer, row(HazardStatus.DISCOVERED, { category: 'PSYCHOLOGICAL' }))).toEqual([]);
  });
});
