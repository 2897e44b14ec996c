import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient, GraphQLResponse } from '@campus/testing';

const DAY_MS = 24 * 3600 * 1000;

export interface SupervisionDemoContext {
  clients: Record<string, GraphQLClient>;
  unitIds: Record<string, string>;
  personIds: Record<string, string>;
  log: (line: string) => void;
}

const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * DAY_MS));

const FINDINGS = [
  { unit: 'XDZY-HL', placeText: '学生公寓5号楼三层', category: 'ELECTRICAL', severity: 'GENERAL', description: '学生宿舍私拉电线、使用大功率电器', raise: true },
  { unit: 'XDZY-HL', placeText: '护理实训中心', category: 'FIRE', severity: 'GENERAL', description: '实训中心灭火器压力不足，巡查记录缺两周', raise: false },
  { unit: 'XDZY-JG', placeText: '经管楼一层东侧', category: 'FIRE', severity: 'MAJOR', description: '安全出口被上锁，疏散指示标志损坏', raise: false },
];

/**
 * The demo campus's supervision (督导检查): the school's 督导组 inspecting 护理学院 and 经济管理学院, under way,
 * with three findings of which one (护理学院's wiring) is raised as a hazard; the colleges chosen leave the
 * ledger counts of 信息工程学院 and 机电工程学院 that other demo sections describe as they are.
 */
export async function seedDemoSupervision(context: SupervisionDemoContext): Promise<void> {
  const office = context.clients['safety.office'];
  const group = await office.data<{ createWorkGroup: { workGroup: { id: string } } }>(
    'mutation($input: CreateWorkGroupInput!) { createWorkGroup(input: $input) { workGroup { id } } }',
    {
      input: {
        orgUnitId: context.unitIds.XDZY,
        kind: 'SUPERVISION_GROUP',
        name: '现代职业学院校园安全督导组',
        officeHostUnitId: context.unitIds['XDZY-BWC'],
        responsibilities: '对各二级学院、处室安全工作开展督导检查，出具督查报告，督促问题整改。',
        members: [
          { personId: context.personIds['safety.office'], role: 'LEADER', duty: '全面负责督导检查' },
          { personId: context.personIds['school.head'], role: 'MEMBER', duty: '参加重点部位检查' },
        ],
      },
    },
  );
  const plan = () =>
    office.request('mutation($input: PlanSupervisionInput!) { planSupervision(input: $input) { supervision { id version } } }', {
      input: {
        orgUnitId: context.unitIds.XDZY,
        title: '秋冬季校园安全专项督导检查',
        supervisionGroupId: group.createWorkGroup.workGroup.id,
        inspectedUnitIds: [context.unitIds['XDZY-HL'], context.unitIds['XDZY-JG']],
        startsOn: day(-2),
        endsOn: day(5),
        focusAreas: ['学生宿舍用电安全', '消防设施和疏散通道', '实训室安全管理'],
        checklist: ['宿舍有无私拉电线、使用违规电器', '灭火器、消防栓是否完好有效', '安全出口、疏散通道是否畅通', '实训室安全制度是否上墙并落实'],
      },
    });
  // The group reaches supervision-appraisal through responsibility-network's work-group.changed event.
  const planned = await eventually(plan, (response: GraphQLResponse) => !response.errors?.length, 15_000, 500);
  if (planned.errors?.length) throw new Error(`demo: supervision plan failed: ${planned.errors[0].message}`);
  const supervision = planned.data?.planSupervision.supervision as { id: string; version: number };
  await office.data('mutation($input: SupervisionStepInput!) { startSupervision(input: $input) { supervision { id } } }', {
    input: { id: supervision.id, version: supervision.version },
  });
  for (const finding of FINDINGS) {
    await context.clients.inspector.data('mutation($input: RecordSupervisionFindingInput!) { recordSupervisionFinding(input: $input) { finding { id } } }', {
      input: {
        supervisionId: supervision.id,
        orgUnitId: context.unitIds[finding.unit],
        placeText: finding.placeText,
        category: finding.category,
        severity: finding.severity,
        description: finding.description,
        deadline: day(finding.severity === 'MAJOR' ? 7 : 15),
        raiseAsHazard: finding.raise,
      },
    });
  }
  context.log('demo: 1 supervision group, 1 supervision inspection (2 colleges, 3 findings, 1 raised as a hazard)');
}
