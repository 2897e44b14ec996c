import { databaseUrl } from '@campus/database';
import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import { Connection, createConnection } from 'mysql2/promise';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const SCHEDULER_SECONDS = 1;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The calendar day (Asia/Shanghai, as the scheduler counts) `days` from today. */
function dayFromToday(days: number): string {
  const [year, month, day] = calendarDateOf(new Date()).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

interface EscalationEvent {
  type: string;
  tier: number | null;
  notify: string | null;
  accountability: boolean | null;
  sent: boolean;
}

/**
 * An overdue hazard through each escalation tier, with the scheduler of the running hazard-tracking
 * service (every second). Time passes by moving the plan's deadline back in the service's database.
 *
 * The GraphQL API does not expose escalations (no Hazard.escalations, no overdue marker on a hazard,
 * nothing in supervision-appraisal about overdue/escalated hazards), so the tiers and their events are
 * read from the service's tables; what the API does expose about overdue hazards (the ledger's overdue
 * filter, OrgUnit.hazardStats.overdue) is checked through the gateway.
 */
describe('overdue hazards escalate by tier', () => {
  let fixture: PlatformFixture;
  let database: Connection;
  let officer: GraphQLClient;
  let office: GraphQLClient;
  let leaderPersonId: string;
  let xx: string;

  const HAZARD = 'id version status grade';

  async function walkToRectifying(grade: 'GENERAL' | 'MAJOR', title: string): Promise<{ id: string; version: number }> {
    const registered = await officer.data(`mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { ${HAZARD} } } }`, {
      input: {
        orgUnitId: xx,
        title,
        description: '检查发现，须限期整改',
        category: 'FIRE',
        grade,
        placeText: '信息楼二层',
        discoveredAt: new Date().toISOString(),
      },
    });
    let hazard = registered.registerHazard.hazard;
    const step = async (name: string, input: string, fields: Record<string, unknown> = {}) => {
      const data = await officer.data(`mutation($input: ${input}!) { ${name}(input: $input) { hazard { ${HAZARD} } } }`, {
        input: { id: hazard.id, version: hazard.version, ...fields },
      });
      hazard = data[name].hazard;
    };
    await step('reportHazard', 'ReportHazardInput');
    await step('submitRectificationPlan', 'SubmitRectificationPlanInput', {
      responsiblePersonId: leaderPersonId,
      measures: '更换损坏的消防设施',
      deadline: dayFromToday(3),
      contingencyPlan: '整改期间每日巡查',
      ...(grade === 'MAJOR' ? { funds: '12000.00', upwardReportNote: '已书面报告学校安全保卫处', reportedUpwardAt: new Date().toISOString() } : {}),
    });
    await step('startRectification', 'StartRectificationInput');
    expect(hazard).toMatchObject({ status: 'RECTIFYING', grade });
    return hazard;
  }

  /** "Time passes": the plan's deadline (and its copy on the hazard) moves to `deadline`. */
  async function moveDeadline(hazardId: string, deadline: string): Promise<void> {
    await database.query('UPDATE hazard_plan SET deadline = ? WHERE hazard_id = ?', [deadline, hazardId]);
    await database.query('UPDATE hazard SET deadline = ? WHERE id = ?', [deadline, hazardId]);
  }

  /** The tiers recorded on the hazard, read through the gateway (Hazard.escalations). */
  async function tiers(hazardId: string): Promise<number[]> {
    const data = await office.data('query($id: ID!) { hazard(id: $id) { escalations { tier notify accountability } } }', { id: hazardId });
    const escalations: { tier: number; notify: string; accountability: boolean }[] = data.hazard.escalations;
    for (const escalation of escalations) {
      expect(escalation.notify).toBe(['RESPONSIBLE_PERSON', 'UNIT_LEADER', 'SAFETY_OFFICE'][escalation.tier - 1]);
      expect(escalation.accountability).toBe(escalation.tier === 3);
    }
    return escalations.map((escalation) => escalation.tier);
  }

  /** hazard.overdue and hazard.escalated for the hazard, in the order recorded in the outbox. */
  async function events(hazardId: string): Promise<EscalationEvent[]> {
    const [rows] = await database.query(
      `SELECT event_type, payload, sent_at FROM event_outbox
        WHERE aggregate_id = ? AND event_type IN ('hazard.overdue', 'hazard.escalated') ORDER BY id`,
      [hazardId],
    );
    return (rows as { event_type: string; payload: string; sent_at: Date | null }[]).map((row) => {
      const payload = JSON.parse(row.payload);
      return {
        type: row.event_type,
        tier: payload.tier ?? null,
        notify: payload.notify ?? null,
        accountability: payload.accountability ?? null,
        sent: row.sent_at !== null,
      };
    });
  }

  async function overdueIds(client: GraphQLClient, overdue: boolean): Promise<string[]> {
    const data = await client.data('query($filter: HazardLedgerFilter!) { hazards(first: 100, filter: $filter) { edges { node { id } } } }', {
      filter: { orgUnitId: xx, overdue },
    });
    return data.hazards.edges.map((edge: { node: { id: string } }) => edge.node.id);
  }

  async function overdueCount(): Promise<number> {
    const data = await office.data('query($id: ID!, $from: CalendarDate!, $to: CalendarDate!) { orgUnit(id: $id) { hazardStats(from: $from, to: $to) { overdue } } }', {
      id: xx,
      from: dayFromToday(-30),
      to: dayFromToday(0),
    });
    return data.orgUnit.hazardStats.overdue;
  }

  /** Waits until the tiers are recorded, then for a few more scheduler runs so a duplicate would show. */
  async function tiersAfterSettling(hazardId: string, expected: number[]): Promise<number[]> {
    await eventually(() => tiers(hazardId), (recorded) => recorded.length >= expected.length, 20_000);
    await sleep(3 * SCHEDULER_SECONDS * 1000);
    return tiers(hazardId);
  }

  beforeAll(async () => {
    // Not 4190: fetch refuses that port (ManageSieve is on the WHATWG "bad ports" list).
    fixture = await startPlatformFixture(4210, { 'hazard-tracking': { SCHEDULER_INTERVAL_SECONDS: String(SCHEDULER_SECONDS) } });
    const mysqlUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
    database = await createConnection({ uri: databaseUrl(mysqlUrl, fixture.platform.databaseName('hazard-tracking')) });
    officer = await fixture.as('xx.officer');
    office = await fixture.as('safety.office');
    leaderPersonId = (await (await fixture.as('xx.leader')).data('{ me { person { id } } }')).me.person.id;
    xx = fixture.unitIds['XDZY-XX'];
  });

  afterAll(async () => {
    await database?.end();
    await fixture?.stop();
  });

  it('a general hazard: responsible person at the deadline, unit leader after 3 days, safety office with accountability after 7, each once', async () => {
    const hazard = await walkToRectifying('GENERAL', '二层走廊应急照明损坏');
    const overdueBefore = await overdueCount();
    expect(await overdueIds(office, true)).not.toContain(hazard.id);
    expect(await overdueIds(office, false)).toContain(hazard.id);
    await sleep(2 * SCHEDULER_SECONDS * 1000);
    expect(await tiers(hazard.id)).toEqual([]); // the deadline is still ahead

    // The deadline passed yesterday: tier 1, the responsible person.
    await moveDeadline(hazard.id, dayFromToday(-1));
    expect(await tiersAfterSettling(hazard.id, [1])).toEqual([1]);
    expect(await overdueIds(office, true)).toContain(hazard.id);
    expect(await overdueIds(officer, true)).toContain(hazard.id);
    expect(await overdueIds(office, false)).not.toContain(hazard.id);
    expect(await overdueCount()).toBe(overdueBefore + 1);

    // Three days after the deadline: tier 2, the unit leader.
    await moveDeadline(hazard.id, dayFromToday(-3));
    expect(await tiersAfterSettling(hazard.id, [1, 2])).toEqual([1, 2]);

    // Seven days after: tier 3, the safety office, with accountability.
    await moveDeadline(hazard.id, dayFromToday(-7));
    expect(await tiersAfterSettling(hazard.id, [1, 2, 3])).toEqual([1, 2, 3]);

    // One hazard.overdue and one hazard.escalated per tier, each relayed to the broker.
    const recorded = await eventually(
      () => events(hazard.id),
      (list) => list.length === 4 && list.every((event) => event.sent),
      20_000,
    );
    expect(recorded).toEqual([
      { type: 'hazard.overdue', tier: null, notify: null, accountability: null, sent: true },
      { type: 'hazard.escalated', tier: 1, notify: 'RESPONSIBLE_PERSON', accountability: false, sent: true },
      { type: 'hazard.escalated', tier: 2, notify: 'UNIT_LEADER', accountability: false, sent: true },
      { type: 'hazard.escalated', tier: 3, notify: 'SAFETY_OFFICE', accountability: true, sent: true },
    ]);

    // Accepted, it leaves the overdue ledger and nothing more is escalated.
    let current = (await office.data('query($id: ID!) { hazard(id: $id) { id version } }', { id: hazard.id })).hazard;
    current = (
      await officer.data('mutation($input: SubmitForAcceptanceInput!) { submitForAcceptance(input: $input) { hazard { id version } } }', {
        input: { id: current.id, version: current.version, rectificationNote: '应急照明已更换' },
      })
    ).submitForAcceptance.hazard;
    await office.data('mutation($input: AcceptHazardInput!) { acceptHazard(input: $input) { hazard { status } } }', {
      input: { id: current.id, version: current.version, passed: true },
    });
    expect(await overdueIds(office, true)).not.toContain(hazard.id);
    expect(await overdueCount()).toBe(overdueBefore);
    await sleep(2 * SCHEDULER_SECONDS * 1000);
    expect(await events(hazard.id)).toHaveLength(4);
  });

  it('a major hazard goes straight to the top tier, once', async () => {
    const hazard = await walkToRectifying('MAJOR', '配电室消防主机故障');
    await moveDeadline(hazard.id, dayFromToday(-1));
    expect(await tiersAfterSettling(hazard.id, [3])).toEqual([3]);
    expect(await overdueIds(office, true)).toContain(hazard.id);

    // Later days bring nothing new: tier 3 is the last.
    await moveDeadline(hazard.id, dayFromToday(-8));
    await sleep(3 * SCHEDULER_SECONDS * 1000);
    expect(await tiers(hazard.id)).toEqual([3]);
    expect(await events(hazard.id)).toEqual([
      expect.objectContaining({ type: 'hazard.overdue' }),
      expect.objectContaining({ type: 'hazard.escalated', tier: 3, notify: 'SAFETY_OFFICE', accountability: true }),
    ]);
  });
});
