import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLResponse } from '@campus/testing';
import type { EducationDemoContext } from './demo-education';
import { seedDemoEducationDocuments } from './demo-education-documents';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The demo campus's drills: 信息工程学院 held and evaluated an evacuation drill three days ago with one problem
 * (the stairwell's emergency lighting) left for the unit to raise as a hazard (`raiseDrillProblem`), so the demo's
 * hazard ledger stays as the other demo sections describe it; 机电工程学院 has one planned, so it still shows as
 * missing this term's evacuation drill.
 */
export async function seedDemoDrills(context: EducationDemoContext): Promise<void> {
  const officer = context.clients['xx.officer'];
  const held = new Date(Date.now() - 3 * DAY_MS);
  const planned = await officer.data<{ planDrill: { drill: { id: string; version: number } } }>(
    'mutation($input: PlanDrillInput!) { planDrill(input: $input) { drill { id version } } }',
    {
      input: {
        orgUnitId: context.unitIds['XDZY-XX'],
        title: '信息工程学院秋季学期应急疏散演练',
        type: 'EVACUATION',
        scenario: '实训楼三楼配电间起火，浓烟进入东侧楼道，全体师生经西侧楼梯疏散至操场集合',
        placeText: '实训楼及北操场',
        expectedParticipants: 320,
        plannedDate: calendarDateOf(held),
      },
    },
  );
  const drill = await officer.data<{ holdDrill: { drill: { version: number } } }>(
    'mutation($input: HoldDrillInput!) { holdDrill(input: $input) { drill { version } } }',
    {
      input: {
        id: planned.planDrill.drill.id,
        version: planned.planDrill.drill.version,
        startedAt: held.toISOString(),
        endedAt: new Date(held.getTime() + 40 * 60_000).toISOString(),
        actualParticipants: 298,
        evacuationSeconds: 212,
      },
    },
  );
  const evaluate = () =>
    officer.request('mutation($input: EvaluateDrillInput!) { evaluateDrill(input: $input) { drill { id } } }', {
      input: {
        id: planned.planDrill.drill.id,
        version: drill.holdDrill.drill.version,
        score: 78,
        strengths: '警报响起后各班按预定路线疏散，班主任清点人数及时，3 分 32 秒全部到达集合点',
        problems: [
          {
            description: '东侧楼梯二至三层应急照明灯不亮，烟雾条件下看不清台阶',
            category: 'FIRE',
            grade: 'GENERAL',
            ownerPersonId: context.personIds['xx.officer'],
            deadline: calendarDateOf(new Date(Date.now() + 30 * DAY_MS)),
            improvementAction: '更换东侧楼梯应急照明灯，每月按消防巡查表测试一次',
            raiseAsHazard: false,
          },
        ],
      },
    });
  // The owner must be known here first: people arrive from responsibility-network's events.
  const evaluated = await eventually(evaluate, (response: GraphQLResponse) => !response.errors?.length, 15_000, 500);
  if (evaluated.errors?.length) throw new Error(`demo: drill evaluation failed: ${evaluated.errors[0].message}`);
  await seedDemoEducationDocuments(context, planned.planDrill.drill.id);

  await context.clients['jd.officer'].data('mutation($input: PlanDrillInput!) { planDrill(input: $input) { drill { id } } }', {
    input: {
      orgUnitId: context.unitIds['XDZY-JD'],
      title: '机电工程学院消防疏散演练',
      type: 'EVACUATION',
      scenario: '金工实训车间油料起火，车间人员疏散并使用灭火器初期扑救',
      placeText: '金工实训车间',
      expectedParticipants: 180,
      plannedDate: calendarDateOf(new Date(Date.now() + 14 * DAY_MS)),
    },
  });
  context.log('demo: drills (one evaluated evacuation drill with a problem to raise as a hazard, one planned)');
}
