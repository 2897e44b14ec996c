import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';

const DAY_MS = 24 * 3600 * 1000;

export interface AccountabilityDemoContext {
  clients: Record<string, GraphQLClient>;
  unitIds: Record<string, string>;
  personIds: Record<string, string>;
  log: (line: string) => void;
}

const HAZARD = 'id version status';
const step = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { hazard { ${HAZARD} } } }`;

/**
 * 问责/通报 in the demo campus:
 * - the school's safety office holds 机电工程学院 to account for reporting the 隐患问题统计表 late (迟报, 通报批评),
 *   confirmed and on file (accountability.recorded);
 * - 后勤管理处's major hazard (the canteen's gas alarm) is put under rectification with a deadline of yesterday:
 *   hazard-tracking's next escalation run (SCHEDULER_INTERVAL_SECONDS) escalates it straight to tier 3, and
 *   supervision-appraisal proposes a record against 后勤管理处 for the school to confirm or dismiss (待确认).
 */
export async function seedDemoAccountability(context: AccountabilityDemoContext): Promise<void> {
  const office = context.clients['safety.office'];
  const recorded = await office.data('mutation($input: RecordAccountabilityInput!) { recordAccountability(input: $input) { accountabilityRecord { id version } } }', {
    input: {
      targetKind: 'UNIT',
      orgUnitId: context.unitIds['XDZY-JD'],
      issuingUnitId: context.unitIds.XDZY,
      reason: 'LATE_REPORT',
      measure: 'CRITICISM_NOTICE',
      description: '校园安全专项整治《隐患问题统计表》第二次报送未按时报送，经安全保卫处催报后仍迟报两天。',
    },
  });
  const record = recorded.recordAccountability.accountabilityRecord as { id: string; version: number };
  await office.data('mutation($input: ConfirmAccountabilityInput!) { confirmAccountability(input: $input) { accountabilityRecord { id } } }', {
    input: { id: record.id, version: record.version, note: '经核实，予以全校通报批评。' },
  });

  const ledger = await office.data('query($filter: HazardLedgerFilter!) { hazards(first: 10, filter: $filter) { edges { node { id version status grade title } } } }', {
    filter: { orgUnitId: context.unitIds['XDZY-HQ'] },
  });
  let hazard = (ledger.hazards.edges as { node: { id: string; version: number; grade: string; title: string } }[]).map((edge) => edge.node).find((node) => node.grade === 'MAJOR');
  if (!hazard) throw new Error('demo: no major hazard in 后勤管理处 to escalate');
  const act = async (name: string, input: string, fields: Record<string, unknown> = {}) => {
    const current = hazard as { id: string; version: number };
    hazard = (await office.data(step(name, input), { input: { id: current.id, version: current.version, ...fields } }))[name].hazard;
  };
  await act('reportHazard', 'ReportHazardInput');
  await act('submitRectificationPlan', 'SubmitRectificationPlanInput', {
    responsiblePersonId: context.personIds.staff,
    measures: '更换燃气泄漏报警器并与燃气切断阀联动',
    deadline: calendarDateOf(new Date(Date.now() - DAY_MS)),
    contingencyPlan: '整改完成前后厨每日开餐前人工检测燃气浓度',
    funds: '8600.00',
    upwardReportNote: '已书面报告学校安全保卫处',
    reportedUpwardAt: new Date(Date.now() - 2 * DAY_MS).toISOString(),
  });
  await act('startRectification', 'StartRectificationInput');
  context.log('demo: 1 accountability record on file (机电工程学院, 迟报); 后勤管理处’s major gas hazard overdue, proposed for accountability at the next escalation run');
}
