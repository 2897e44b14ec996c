import { AccountabilityTestBed, OPS, startAccountabilityTestBed, unitRecordInput, VIEWERS } from './accountability-testing';

const { bureauAdmin, schoolOffice, schoolHead, leaderA, leaderB, collegeOfficeA, officerA, teacherA, schoolStaff, otherCounty } = VIEWERS;

describe('supervision-appraisal: accountability records (integration)', () => {
  let bed: AccountabilityTestBed;
  const refusal = async (viewer: typeof schoolOffice, query: string, variables: Record<string, unknown>) => {
    const result = await bed.runner.run(viewer, query, variables);
    expect(result.data?.[Object.keys(result.data ?? {})[0]] ?? null).toBeNull();
    return { code: result.errors?.[0]?.extensions?.code, reason: result.errors?.[0]?.extensions?.reason };
  };
  const record = async (viewer = schoolOffice, input: Record<string, unknown> = unitRecordInput()) =>
    (await bed.runner.data(viewer, OPS.record, { input })).recordAccountability.accountabilityRecord;

  beforeAll(async () => {
    bed = await startAccountabilityTestBed('accountability');
  });

  afterAll(async () => {
    await bed?.db.drop();
  });

  it('records a proposal against a college issued by the nearest unit above where the office holds its role, with evidence', async () => {
    const proposed = await record(schoolOffice, unitRecordInput({ evidence: [{ kind: 'HAZARD', refId: 'hz-1', label: 'XDZY-YH-2026-0007' }] }));
    expect(proposed).toMatchObject({
      targetKind: 'UNIT',
      status: 'PROPOSED',
      version: 1,
      reason: 'LATE_REPORT',
      measure: 'CRITICISM_NOTICE',
      proposedByPlatform: false,
      orgUnit: { id: 'collegea' },
      person: null,
      issuingUnit: { id: 'school' },
      issuedBy: { id: 'p-office' },
      decidedAt: null,
      evidence: [{ kind: 'HAZARD', refId: 'hz-1', label: 'XDZY-YH-2026-0007' }],
    });
    const byBureau = await record(bureauAdmin, unitRecordInput({ orgUnitId: 'school', issuingUnitId: 'bureau', reason: 'SHIRKING', measure: 'INTERVIEW' }));
    expect(byBureau).toMatchObject({ orgUnit: { id: 'school' }, issuingUnit: { id: 'bureau' }, measure: 'INTERVIEW' });
  });

  it('records against a person with the unit they belong to (from the people projection)', async () => {
    const proposed = await record(schoolOffice, unitRecordInput({ targetKind: 'PERSON', orgUnitId: undefined, personId: 'p-teacher-a', reason: 'CONCEALMENT', measure: 'ADMONITION_TALK' }));
    expect(proposed).toMatchObject({ targetKind: 'PERSON', person: { id: 'p-teacher-a' }, orgUnit: { id: 'collegea' }, issuingUnit: { id: 'school' } });
    const unknown = await bed.runner.run(schoolOffice, OPS.record, { input: unitRecordInput({ targetKind: 'PERSON', orgUnitId: undefined, personId: 'p-nobody' }) });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    expect(await refusal(schoolOffice, OPS.record, { input: unitRecordInput({ targetKind: 'PERSON', orgUnitId: undefined, personId: 'p-far' }) })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
  });

  it('confirms a proposal (记录在案) and puts accountability.recorded in the outbox with ids only; a second confirmation is refused', async () => {
    const proposed = await record();
    const confirmed = (await bed.runner.data(schoolOffice, OPS.confirm, { input: { id: proposed.id, version: proposed.version, measure: 'WARNING', note: '情况属实' } }))
      .confirmAccountability.accountabilityRecord;
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', version: 2, measure: 'WARNING', decisionNote: '情况属实', decidedBy: { id: 'p-office' } });
    expect(confirmed.decidedAt).not.toBeNull();
    const events = await bed.outbox('accountability.recorded', proposed.id);
    expect(events).toEqual([
      {
        id: proposed.id,
        targetKind: 'UNIT',
        targetId: 'collegea',
        orgUnitId: 'collegea',
        orgPath: '/bureau/school/collegea/',
        issuingUnitId: 'school',
        reason: 'LATE_REPORT',
        measure: 'WARNING',
        confirmedAt: new Date(confirmed.decidedAt).toISOString(),
      },
    ]);
    expect(await refusal(schoolOffice, OPS.confirm, { input: { id: proposed.id, version: 2 } })).toEqual({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(await refusal(schoolOffice, OPS.confirm, { input: { id: proposed.id, version: 1 } })).toEqual({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(await bed.outbox('accountability.recorded', proposed.id)).toHaveLength(1);
  });

  it('dismisses a proposal with its reason, and revokes a confirmed record (accountability.revoked); no step from the end states', async () => {
    const dismissedOne = await record();
    const dismissed = (await bed.runner.data(schoolOffice, OPS.dismiss, { input: { id: dismissedOne.id, version: 1, reason: '已查明系统故障导致迟报' } })).dismissAccountability
      .accountabilityRecord;
    expect(dismissed).toMatchObject({ status: 'DISMISSED', decisionNote: '已查明系统故障导致迟报' });
    expect(await refusal(schoolOffice, OPS.confirm, { input: { id: dismissed.id, version: dismissed.version } })).toEqual({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(await refusal(schoolOffice, OPS.revoke, { input: { id: dismissed.id, version: dismissed.version, reason: '撤销' } })).toEqual({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(await bed.outbox('accountability.recorded', dismissed.id)).toEqual([]);

    const proposed = await record(schoolOffice, unitRecordInput({ orgUnitId: 'collegeb' }));
    const confirmed = (await bed.runner.data(schoolOffice, OPS.confirm, { input: { id: proposed.id, version: 1 } })).confirmAccountability.accountabilityRecord;
    const revoked = (await bed.runner.data(schoolOffice, OPS.revoke, { input: { id: confirmed.id, version: confirmed.version, reason: '经复核，迟报系上级系统故障所致' } }))
      .revokeAccountability.accountabilityRecord;
    expect(revoked).toMatchObject({ status: 'REVOKED', revokeReason: '经复核，迟报系上级系统故障所致' });
    expect(await bed.outbox('accountability.revoked', confirmed.id)).toEqual([expect.objectContaining({ id: confirmed.id, targetId: 'collegeb', measure: 'CRITICISM_NOTICE' })]);
    expect(await refusal(schoolOffice, OPS.revoke, { input: { id: revoked.id, version: revoked.version, reason: '再次撤销' } })).toEqual({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
  });

  it('refuses a unit recording against itself or a unit above it (OUTSIDE_RANGE)', async () => {
    expect(await refusal(collegeOfficeA, OPS.record, { input: unitRecordInput() })).toEqual({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    expect(await refusal(collegeOfficeA, OPS.record, { input: unitRecordInput({ issuingUnitId: 'collegea' }) })).toEqual({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    expect(await refusal(schoolOffice, OPS.record, { input: unitRecordInput({ orgUnitId: 'school', issuingUnitId: 'school' }) })).toEqual({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    expect(await refusal(bureauAdmin, OPS.record, { input: unitRecordInput({ orgUnitId: 'bureau' }) })).toEqual({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
  });

  it('refuses staff, unit leaders and safety officers (FORBIDDEN) and another county (NOT_FOUND) as issuers', async () => {
    for (const viewer of [schoolStaff, schoolHead, officerA]) {
      expect(await refusal(viewer, OPS.record, { input: unitRecordInput() })).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    }
    expect(await refusal(otherCounty, OPS.record, { input: unitRecordInput() })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(await refusal(schoolOffice, OPS.record, { input: unitRecordInput({ orgUnitId: 'collegea', issuingUnitId: 'bureau' }) })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
  });

  it('lets the target unit’s leadership read but not decide, the named person read their own, and nobody else', async () => {
    const aboutUnit = await record();
    const aboutTeacher = await record(schoolOffice, unitRecordInput({ targetKind: 'PERSON', orgUnitId: undefined, personId: 'p-teacher-a', reason: 'SHIRKING' }));
    for (const viewer of [leaderA, collegeOfficeA, schoolHead, bureauAdmin]) {
      expect((await bed.runner.data(viewer, OPS.get, { id: aboutUnit.id })).accountabilityRecord.id).toBe(aboutUnit.id);
    }
    expect(await refusal(leaderA, OPS.confirm, { input: { id: aboutUnit.id, version: 1 } })).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect(await refusal(collegeOfficeA, OPS.dismiss, { input: { id: aboutUnit.id, version: 1, reason: '本单位不认可' } })).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect((await bed.runner.data(teacherA, OPS.get, { id: aboutTeacher.id })).accountabilityRecord.person).toEqual({ id: 'p-teacher-a' });
    expect(await refusal(teacherA, OPS.confirm, { input: { id: aboutTeacher.id, version: 1 } })).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    for (const [viewer, id] of [
      [teacherA, aboutUnit.id],
      [officerA, aboutUnit.id],
      [leaderB, aboutUnit.id],
      [schoolStaff, aboutTeacher.id],
      [otherCounty, aboutUnit.id],
    ] as const) {
      expect(await refusal(viewer, OPS.get, { id })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    }
    expect(await refusal(otherCounty, OPS.confirm, { input: { id: aboutUnit.id, version: 1 } })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const teacherList = (await bed.runner.data(teacherA, OPS.list, { first: 50 })).accountabilityRecords;
    expect(teacherList.edges.every((edge: any) => edge.node.person?.id === 'p-teacher-a')).toBe(true);
    expect(teacherList.totalCount).toBeGreaterThan(0);
    expect((await bed.runner.data(officerA, OPS.list, {})).accountabilityRecords.totalCount).toBe(0);
    expect((await bed.runner.data(otherCounty, OPS.list, {})).accountabilityRecords.totalCount).toBe(0);
  });

  it('lists within scope by unit subtree, reason, measure, status and issue dates, paged newest first', async () => {
    const all = (await bed.runner.data(schoolOffice, OPS.list, { first: 100 })).accountabilityRecords;
    const inB = (await bed.runner.data(schoolOffice, OPS.list, { filter: { orgUnitId: 'collegeb' }, first: 100 })).accountabilityRecords;
    expect(inB.edges.every((edge: any) => edge.node.orgUnit.id === 'collegeb')).toBe(true);
    expect(inB.totalCount).toBeGreaterThan(0);
    const leaderBList = (await bed.runner.data(leaderB, OPS.list, { first: 100 })).accountabilityRecords;
    expect(leaderBList.totalCount).toBe(inB.totalCount);
    const concealment = (await bed.runner.data(schoolOffice, OPS.list, { filter: { reason: ['CONCEALMENT'], measure: ['ADMONITION_TALK'] } })).accountabilityRecords;
    expect(concealment.totalCount).toBe(1);
    const revoked = (await bed.runner.data(schoolOffice, OPS.list, { filter: { status: ['REVOKED'] } })).accountabilityRecords;
    expect(revoked.edges.map((edge: any) => edge.node.status)).toEqual(['REVOKED']);
    expect((await bed.runner.data(schoolOffice, OPS.list, { filter: { to: '2020-01-01' } })).accountabilityRecords.totalCount).toBe(0);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await bed.runner.data(schoolOffice, OPS.list, { filter: { from: today, to: today }, first: 100 })).accountabilityRecords.totalCount).toBe(all.totalCount);
    const page1 = (await bed.runner.data(schoolOffice, OPS.list, { first: 2 })).accountabilityRecords;
    const page2 = (await bed.runner.data(schoolOffice, OPS.list, { first: 2, after: page1.pageInfo.endCursor })).accountabilityRecords;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect([...page1.edges, ...page2.edges].map((edge: any) => edge.node.id)).toEqual(all.edges.slice(0, 4).map((edge: any) => edge.node.id));
    expect(await refusal(leaderA, OPS.list, { filter: { orgUnitId: 'county2school' } })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
  });

  it('serves OrgUnit.accountabilityRecords per unit for the viewer’s scope', async () => {
    const representations = ['collegea', 'collegeb', 'school2'].map((id) => ({ __typename: 'OrgUnit', id }));
    const asOffice = (await bed.runner.data(schoolOffice, OPS.unitRecords, { representations }))._entities;
    const inA = (await bed.runner.data(schoolOffice, OPS.list, { filter: { orgUnitId: 'collegea' } })).accountabilityRecords.totalCount;
    expect(asOffice[0].accountabilityRecords.totalCount).toBe(inA);
    expect(asOffice[1].accountabilityRecords.totalCount).toBeGreaterThan(0);
    expect(asOffice[2].accountabilityRecords.totalCount).toBe(0);
    const asLeaderA = (await bed.runner.data(leaderA, OPS.unitRecords, { representations }))._entities;
    expect(asLeaderA.map((unit: any) => unit.accountabilityRecords.totalCount)).toEqual([inA, 0, 0]);
  });
});
