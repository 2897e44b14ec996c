import { HazardEscalated, OrgUnitMoved, PayloadOf } from '@campus/events';
import { proposeAccountability } from './accountability-proposals';
import { AccountabilityTestBed, OPS, PATHS, startAccountabilityTestBed, VIEWERS } from './accountability-testing';

const { schoolOffice, bureauAdmin, leaderA } = VIEWERS;

const escalated = (hazardId: string, overrides: Partial<PayloadOf<typeof HazardEscalated>> = {}): PayloadOf<typeof HazardEscalated> => ({
  id: hazardId,
  code: `XDZY-YH-2026-${hazardId}`,
  orgUnitId: 'collegea',
  orgPath: PATHS.collegea,
  grade: 'GENERAL',
  deadline: '2026-11-01',
  tier: 3,
  notify: 'SAFETY_OFFICE',
  accountability: true,
  escalatedAt: '2026-11-08T01:00:00.000Z',
  ...overrides,
});

describe('supervision-appraisal: accountability proposed by the platform (integration)', () => {
  let bed: AccountabilityTestBed;
  const proposals = async (hazardId: string) =>
    bed.db.dataSource.query('SELECT id, status, org_unit_id, issuing_unit_id, reason, measure FROM accountability_record WHERE source_id LIKE ?', [`${hazardId}:%`]);

  beforeAll(async () => {
    bed = await startAccountabilityTestBed('accountability_proposals');
  });

  afterAll(async () => {
    await bed?.db.drop();
  });

  it('turns a delivered tier-3 escalation into one proposal against the unit, for the school above it to confirm; a redelivery and a replay add nothing', async () => {
    const eventId = await bed.deliver(HazardEscalated, escalated('0001'));
    await bed.deliver(HazardEscalated, escalated('0001'), eventId); // redelivered: the inbox has it
    await bed.deliver(HazardEscalated, escalated('0001')); // replayed under another event id: the source is unique
    expect(await bed.parked()).toEqual([]);
    const rows = await proposals('0001');
    expect(rows).toEqual([{ id: expect.any(String), status: 'PROPOSED', org_unit_id: 'collegea', issuing_unit_id: 'school', reason: 'OVERDUE_HAZARD', measure: 'CRITICISM_NOTICE' }]);

    const proposal = (await bed.runner.data(schoolOffice, OPS.get, { id: rows[0].id })).accountabilityRecord;
    expect(proposal).toMatchObject({
      proposedByPlatform: true,
      issuedBy: null,
      issuedAt: '2026-11-08T01:00:00.000Z',
      evidence: [
        { kind: 'HAZARD', refId: '0001', label: 'XDZY-YH-2026-0001' },
        { kind: 'ESCALATION', refId: '0001:3', label: '第三级督办（2026-11-08）' },
      ],
    });
    expect(proposal.description).toContain('XDZY-YH-2026-0001');
    expect(await bed.outbox('accountability.recorded', proposal.id)).toEqual([]); // nothing sanctioned automatically

    expect((await bed.runner.run(leaderA, OPS.confirm, { input: { id: proposal.id, version: proposal.version } })).errors?.[0].extensions?.reason).toBe('ROLE_REQUIRED');
    const confirmed = (await bed.runner.data(schoolOffice, OPS.confirm, { input: { id: proposal.id, version: proposal.version, measure: 'INTERVIEW' } }))
      .confirmAccountability.accountabilityRecord;
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', measure: 'INTERVIEW', decidedBy: { id: 'p-office' } });
    expect(await bed.outbox('accountability.recorded', proposal.id)).toEqual([expect.objectContaining({ reason: 'OVERDUE_HAZARD', measure: 'INTERVIEW', orgUnitId: 'collegea' })]);
    await bed.deliver(HazardEscalated, escalated('0001')); // a late replay leaves the confirmed record alone
    expect(await proposals('0001')).toEqual([expect.objectContaining({ status: 'CONFIRMED' })]);
  });

  it('proposes nothing for tiers 1 and 2', async () => {
    await bed.deliver(HazardEscalated, escalated('0002', { tier: 1, notify: 'RESPONSIBLE_PERSON', accountability: false }));
    await bed.deliver(HazardEscalated, escalated('0002', { tier: 2, notify: 'UNIT_LEADER', accountability: false }));
    expect(await proposals('0002')).toEqual([]);
  });

  it('proposes against a school for the bureau, and follows a unit moved since the event', async () => {
    await bed.deliver(HazardEscalated, escalated('0003', { orgUnitId: 'school', orgPath: PATHS.school, grade: 'MAJOR' }));
    const [row] = await proposals('0003');
    expect(row).toMatchObject({ org_unit_id: 'school', issuing_unit_id: 'bureau' });
    const record = (await bed.runner.data(bureauAdmin, OPS.get, { id: row.id })).accountabilityRecord;
    expect(record.description).toContain('重大隐患');

    await bed.deliver(OrgUnitMoved, { id: 'collegeb', parentId: 'school2', oldPath: PATHS.collegeb, newPath: '/bureau/school2/collegeb/' });
    await bed.deliver(HazardEscalated, escalated('0004', { orgUnitId: 'collegeb', orgPath: PATHS.collegeb }));
    expect(await proposals('0004')).toEqual([expect.objectContaining({ org_unit_id: 'collegeb', issuing_unit_id: 'school2' })]);
    expect(await bed.parked()).toEqual([]);
  });

  it('proposes a veto record once through proposeAccountability, for the appraising unit to confirm', async () => {
    const veto = {
      source: { kind: 'APPRAISAL_VETO' as const, id: 'appraisal-1' },
      orgUnitId: 'collegea',
      orgPath: PATHS.collegea,
      issuingUnit: { orgUnitId: 'school', orgPath: PATHS.school },
      reason: 'VETO' as const,
      measure: 'DISQUALIFY_HONOURS' as const,
      description: '年度考核发生较大安全责任事故，一票否决',
      evidence: [{ kind: 'APPRAISAL_VETO' as const, refId: 'appraisal-1', label: '2026年度二级学院安全考核' }],
    };
    const first = await bed.db.dataSource.transaction((manager) => proposeAccountability(manager, veto));
    const again = await bed.db.dataSource.transaction((manager) => proposeAccountability(manager, veto));
    expect(first).toEqual({ id: expect.any(String), created: true });
    expect(again).toEqual({ id: first?.id, created: false });
    const record = (await bed.runner.data(schoolOffice, OPS.get, { id: first?.id })).accountabilityRecord;
    expect(record).toMatchObject({ status: 'PROPOSED', reason: 'VETO', issuingUnit: { id: 'school' }, evidence: [{ kind: 'APPRAISAL_VETO', refId: 'appraisal-1' }] });

    const aboutPerson = await bed.db.dataSource.transaction((manager) =>
      proposeAccountability(manager, { ...veto, source: { kind: 'APPRAISAL_VETO', id: 'appraisal-1:p-teacher-a' }, personId: 'p-teacher-a' }),
    );
    expect((await bed.runner.data(schoolOffice, OPS.get, { id: aboutPerson?.id })).accountabilityRecord).toMatchObject({ targetKind: 'PERSON', person: { id: 'p-teacher-a' }, orgUnit: { id: 'collegea' } });
    const atRoot = await bed.db.dataSource.transaction((manager) =>
      proposeAccountability(manager, { ...veto, source: { kind: 'APPRAISAL_VETO', id: 'appraisal-root' }, orgUnitId: 'bureau', orgPath: PATHS.bureau, issuingUnit: null }),
    );
    expect(atRoot).toBeNull();
  });
});
