import { HazardOverdue, HazardRegistered, HazardStatusChanged, PayloadOf, WorkGroupChanged } from '@campus/events';
import { findingInput, OPS, PATHS, planInput, startSupervisionTestBed, SupervisionTestBed, VIEWERS } from './supervision-testing';

const { schoolOffice, inspector, officerA } = VIEWERS;
const FINDING = `query($id: ID!) { supervision(id: $id) { findings { id rectification hazard { id code status overdue } } findingStats { rectified rectifying overdue voided } } }`;

const hazardIds = { first: 'h'.repeat(31) + '1', second: 'h'.repeat(31) + '2', stranger: 'h'.repeat(31) + '9' };

function registered(hazardId: string, findingId: string, overrides: Partial<PayloadOf<typeof HazardRegistered>> = {}): PayloadOf<typeof HazardRegistered> {
  return {
    id: hazardId,
    code: `XDZY-YH-2026-${hazardId.slice(-4)}`,
    orgUnitId: 'collegea',
    orgPath: PATHS.collegea,
    category: 'ELECTRICAL',
    grade: 'GENERAL',
    source: 'SUPERVISION',
    status: 'REGISTERED',
    version: 1,
    discoveredAt: '2026-11-21T02:00:00.000Z',
    registeredAt: '2026-11-21T02:00:01.000Z',
    sourceRefType: 'SUPERVISION_FINDING',
    sourceRefId: findingId,
    ...overrides,
  };
}

function statusChanged(hazardId: string, from: string, to: string, version: number): PayloadOf<typeof HazardStatusChanged> {
  return { id: hazardId, orgUnitId: 'collegea', orgPath: PATHS.collegea, grade: 'GENERAL', from, to, version, changedAt: '2026-11-22T02:00:00.000Z', reason: null } as PayloadOf<
    typeof HazardStatusChanged
  >;
}

describe('supervision-appraisal: findings follow their hazards, groups follow responsibility-network (integration)', () => {
  let bed: SupervisionTestBed;
  let supervisionId: string;
  let findingIds: string[];

  const findings = async () => (await bed.runner.data(officerA, FINDING, { id: supervisionId })).supervision;

  beforeAll(async () => {
    bed = await startSupervisionTestBed('supervision_events');
    const planned = (await bed.runner.data(schoolOffice, OPS.plan, { input: planInput() })).planSupervision.supervision;
    await bed.runner.data(schoolOffice, OPS.start, { input: { id: planned.id, version: planned.version } });
    supervisionId = planned.id;
    findingIds = [];
    for (const description of ['配电箱未上锁', '灭火器过期']) {
      const finding = (await bed.runner.data(inspector, OPS.record, { input: findingInput(planned.id, { description, raiseAsHazard: true }) })).recordSupervisionFinding.finding;
      findingIds.push(finding.id);
    }
  });

  afterAll(async () => {
    await bed?.db.drop();
  });

  it('shows a raised finding’s hazard from its registration through rectification to acceptance, ignoring stale and repeated statuses', async () => {
    expect((await findings()).findings[0]).toMatchObject({ rectification: 'AWAITING_HAZARD', hazard: null });
    await bed.deliver(HazardRegistered, registered(hazardIds.first, findingIds[0]));
    await bed.deliver(HazardRegistered, registered(hazardIds.first, findingIds[0]));
    expect((await findings()).findings[0]).toMatchObject({ rectification: 'RECTIFYING', hazard: { id: hazardIds.first, code: 'XDZY-YH-2026-hhh1', status: 'REGISTERED', overdue: false } });

    await bed.deliver(HazardStatusChanged, statusChanged(hazardIds.first, 'REGISTERED', 'REPORTED', 2));
    await bed.deliver(HazardStatusChanged, statusChanged(hazardIds.first, 'REPORTED', 'RECTIFYING', 3));
    await bed.deliver(HazardStatusChanged, statusChanged(hazardIds.first, 'REGISTERED', 'REPORTED', 2)); // late duplicate under another event id
    expect((await findings()).findings[0].hazard.status).toBe('RECTIFYING');

    await bed.deliver(HazardOverdue, { id: hazardIds.first, code: 'XDZY-YH-2026-hhh1', orgUnitId: 'collegea', orgPath: PATHS.collegea, grade: 'GENERAL', deadline: '2026-11-25', detectedAt: '2026-11-26T00:00:00.000Z' });
    expect((await findings()).findings[0]).toMatchObject({ rectification: 'OVERDUE', hazard: { overdue: true } });

    await bed.deliver(HazardStatusChanged, statusChanged(hazardIds.first, 'RECTIFYING', 'PENDING_ACCEPTANCE', 4));
    await bed.deliver(HazardStatusChanged, statusChanged(hazardIds.first, 'PENDING_ACCEPTANCE', 'ACCEPTED', 5));
    const shown = await findings();
    expect(shown.findings[0]).toMatchObject({ rectification: 'RECTIFIED', hazard: { status: 'ACCEPTED' } });
    expect(shown.findingStats).toMatchObject({ rectified: 1, rectifying: 1, overdue: 0 });
  });

  it('keeps a status that arrives before the registration, which then does not set it back', async () => {
    await bed.deliver(HazardStatusChanged, statusChanged(hazardIds.second, 'REGISTERED', 'CLOSED', 6));
    expect((await findings()).findings[1]).toMatchObject({ rectification: 'AWAITING_HAZARD', hazard: null });
    await bed.deliver(HazardRegistered, registered(hazardIds.second, findingIds[1]));
    expect((await findings()).findings[1]).toMatchObject({ rectification: 'RECTIFIED', hazard: { id: hazardIds.second, status: 'CLOSED', code: 'XDZY-YH-2026-hhh2' } });
    const [row] = await bed.db.dataSource.query('SELECT hazard_version AS version FROM supervision_hazard WHERE hazard_id = ?', [hazardIds.second]);
    expect(Number(row.version)).toBe(6);
  });

  it('takes the step furthest along the loop among the statuses of one version (即查即改 records several at once), in any order', async () => {
    const third = (await bed.runner.data(inspector, OPS.record, { input: findingInput(supervisionId, { description: '插线板串接', raiseAsHazard: true }) })).recordSupervisionFinding.finding;
    const hazardId = 'h'.repeat(31) + '3';
    await bed.deliver(HazardRegistered, registered(hazardId, third.id));
    await bed.deliver(HazardStatusChanged, statusChanged(hazardId, 'ACCEPTED', 'CLOSED', 2));
    await bed.deliver(HazardStatusChanged, statusChanged(hazardId, 'REGISTERED', 'REPORTED', 2));
    await bed.deliver(HazardStatusChanged, statusChanged(hazardId, 'PENDING_ACCEPTANCE', 'ACCEPTED', 2));
    const shown = (await findings()).findings.find((finding: { id: string }) => finding.id === third.id);
    expect(shown).toMatchObject({ rectification: 'RECTIFIED', hazard: { status: 'CLOSED' } });
  });

  it('keeps nothing of hazards no finding waits for, nor of hazards raised from elsewhere', async () => {
    await bed.deliver(HazardStatusChanged, { ...statusChanged(hazardIds.stranger, 'REGISTERED', 'REPORTED', 2), orgUnitId: 'collegeb', orgPath: PATHS.collegeb });
    await bed.deliver(HazardRegistered, registered(hazardIds.stranger, 'problem-1', { sourceRefType: 'DRILL_PROBLEM', orgUnitId: 'collegeb', orgPath: PATHS.collegeb }));
    const rows = await bed.db.dataSource.query('SELECT hazard_id FROM supervision_hazard WHERE hazard_id = ?', [hazardIds.stranger]);
    expect(rows).toEqual([]);
  });

  it('follows work-group.changed by version: a dissolved 督导组 cannot be named, a late older event does not revive it', async () => {
    const group = { id: 'group-late', kind: 'SUPERVISION_GROUP', name: '临时督导组', orgUnitId: 'school', orgPath: PATHS.school };
    await bed.deliver(WorkGroupChanged, { ...group, active: false, version: 2 });
    await bed.deliver(WorkGroupChanged, { ...group, name: '旧名称', active: true, version: 1 });
    const refused = await bed.runner.run(schoolOffice, OPS.plan, { input: planInput({ supervisionGroupId: 'group-late' }) });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'supervisionGroupId', message: '该督导组已撤销' }] });
    const [row] = await bed.db.dataSource.query("SELECT name, active, group_version AS version FROM supervision_work_group WHERE id = 'group-late'");
    expect({ name: row.name, active: Boolean(Number(row.active)), version: Number(row.version) }).toEqual({ name: '临时督导组', active: false, version: 2 });
    const unknown = await bed.runner.run(schoolOffice, OPS.plan, { input: planInput({ supervisionGroupId: 'group-never-seen' }) });
    expect(unknown.errors?.[0].extensions?.fields).toEqual([{ field: 'supervisionGroupId', message: '督导组不存在（新成立的督导组需稍后片刻才能选用）' }]);
  });
});
