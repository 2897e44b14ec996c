import { Workbook } from 'exceljs';
import { findingInput, OPS, PATHS, planInput, startSupervisionTestBed, SupervisionTestBed, VIEWERS } from './supervision-testing';

const { bureauAdmin, schoolOffice, inspector, officerA, officerB, schoolStaff, otherCounty } = VIEWERS;

describe('supervision-appraisal: supervision inspections (integration)', () => {
  let bed: SupervisionTestBed;

  const plan = async (overrides: Record<string, unknown> = {}, viewer = schoolOffice) => (await bed.runner.data(viewer, OPS.plan, { input: planInput(overrides) })).planSupervision.supervision;
  const start = async (supervision: { id: string; version: number }) =>
    (await bed.runner.data(schoolOffice, OPS.start, { input: { id: supervision.id, version: supervision.version } })).startSupervision.supervision;
  const record = async (supervisionId: string, overrides: Record<string, unknown> = {}, viewer = inspector) =>
    (await bed.runner.data(viewer, OPS.record, { input: findingInput(supervisionId, overrides) })).recordSupervisionFinding.finding;
  const refusal = async (viewer: typeof schoolOffice, query: string, variables: Record<string, unknown>) => {
    const result = await bed.runner.run(viewer, query, variables);
    const refused: Record<string, unknown> = { ...result.errors?.[0]?.extensions, message: result.errors?.[0]?.message.replace(/ \([A-Z_]+\)$/, '') };
    return refused;
  };

  beforeAll(async () => {
    bed = await startSupervisionTestBed('supervisions');
  });

  afterAll(async () => {
    await bed?.db.drop();
  });

  it('plans an inspection of two colleges with the school’s 督导组, edits it and starts it', async () => {
    const planned = await plan();
    expect(planned).toMatchObject({
      status: 'PLANNED',
      version: 1,
      orgUnit: { id: 'school' },
      supervisionGroup: { id: 'group-school' },
      inspectedUnits: [{ id: 'collegea' }, { id: 'collegeb' }],
      focusAreas: ['消防设施', '危化品管理'],
      findings: [],
      findingStats: { total: 0 },
    });
    const edited = (await bed.runner.data(schoolOffice, OPS.update, { input: { id: planned.id, version: 1, endsOn: '2026-11-30', checklist: ['宿舍是否违规用电'] } }))
      .updateSupervision.supervision;
    expect(edited).toMatchObject({ version: 2, endsOn: '2026-11-30', checklist: ['宿舍是否违规用电'] });
    const stale = await refusal(schoolOffice, OPS.update, { input: { id: planned.id, version: 1, title: '过期的修改' } });
    expect(stale).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(await start(edited)).toMatchObject({ status: 'IN_PROGRESS', version: 3 });
  });

  it('refuses a group that is no 督导组 or another county’s, units outside the organiser or the viewer’s scope, and staff', async () => {
    const notSupervision = await refusal(schoolOffice, OPS.plan, { input: planInput({ supervisionGroupId: 'group-leading' }) });
    expect(notSupervision).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'supervisionGroupId', message: '所选工作机构不是督导组' }] });
    const foreignGroup = await refusal(schoolOffice, OPS.plan, { input: planInput({ supervisionGroupId: 'group-county2' }) });
    expect(foreignGroup.fields).toEqual([{ field: 'supervisionGroupId', message: '督导组须为组织单位或其上级单位成立的督导组' }]);
    // The school's office cannot see the other school at all; the bureau sees it, but it is not under the school.
    const outsideScope = await refusal(schoolOffice, OPS.plan, { input: planInput({ inspectedUnitIds: ['collegea', 'school2'] }) });
    expect(outsideScope).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const outsideOrganiser = await refusal(bureauAdmin, OPS.plan, { input: planInput({ inspectedUnitIds: ['school2'] }) });
    expect(outsideOrganiser).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE', message: '被检查单位须为组织单位的下级单位' });
    const byStaff = await refusal(schoolStaff, OPS.plan, { input: planInput() });
    expect(byStaff).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const byInspector = await refusal(inspector, OPS.plan, { input: planInput() });
    expect(byInspector).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const [{ total }] = await bed.db.dataSource.query("SELECT COUNT(*) AS total FROM supervision WHERE title = '秋季开学校园安全督导检查'");
    expect(Number(total)).toBe(1);
  });

  it('records findings under way, raises one at once and one later as supervision.finding-raised, once each', async () => {
    const planned = await plan({ title: '消防专项督导' });
    const early = await refusal(inspector, OPS.record, { input: findingInput(planned.id) });
    expect(early).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', message: '督导检查尚未开始，不能记录问题' });
    await start(planned);

    const raisedAtOnce = await record(planned.id, { raiseAsHazard: true, severity: 'MAJOR', category: 'FIRE', description: '疏散通道堆放杂物，安全出口被锁' });
    expect(raisedAtOnce).toMatchObject({ seq: 1, orgUnit: { id: 'collegea' } });
    expect(raisedAtOnce.raisedAt).not.toBeNull();
    const later = await record(planned.id, { orgUnitId: 'collegeb', placeText: '机电实训车间' });
    expect(later).toMatchObject({ seq: 2, raisedAt: null });

    const [event] = await bed.outbox('supervision.finding-raised', raisedAtOnce.id);
    expect(event).toMatchObject({
      id: raisedAtOnce.id,
      supervisionId: planned.id,
      supervisionTitle: '消防专项督导',
      orgUnitId: 'collegea',
      orgPath: PATHS.collegea,
      category: 'FIRE',
      grade: 'MAJOR',
      placeText: '信息楼三层配电间',
      placeId: null,
      raisedByPersonId: 'p-inspector',
      title: '督导检查发现消防安全问题：疏散通道堆放杂物，安全出口被锁',
    });
    expect(await bed.outbox('supervision.finding-raised', later.id)).toEqual([]);

    expect((await bed.runner.data(inspector, OPS.raise, { input: { findingId: later.id } })).raiseSupervisionFinding.finding.raisedAt).not.toBeNull();
    expect(await bed.outbox('supervision.finding-raised', later.id)).toEqual([expect.objectContaining({ orgUnitId: 'collegeb', grade: 'GENERAL' })]);
    const again = await refusal(inspector, OPS.raise, { input: { findingId: later.id } });
    expect(again).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });

    const notInspected = await refusal(inspector, OPS.record, { input: findingInput(planned.id, { orgUnitId: 'school2' }) });
    expect(notInspected).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    const pastDeadline = await refusal(inspector, OPS.record, { input: findingInput(planned.id, { deadline: '2020-01-01' }) });
    expect(pastDeadline).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'deadline', message: '整改期限不能早于今天' }] });
    const byOfficer = await refusal(officerA, OPS.record, { input: findingInput(planned.id) });
    expect(byOfficer).toMatchObject({ code: 'NOT_FOUND' });

    const cancel = await refusal(schoolOffice, OPS.cancel, { input: { id: planned.id, version: 2, reason: '改期' } });
    expect(cancel).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE' });
  });

  it('shows the whole inspection to its organiser’s scope and each inspected unit its own findings; another county sees nothing', async () => {
    const planned = await plan({ title: '期中安全督导' });
    await start(planned);
    await record(planned.id, { description: '信息学院问题一' });
    await record(planned.id, { orgUnitId: 'collegeb', description: '机电学院问题一', severity: 'MAJOR' });

    const whole = (await bed.runner.data(inspector, OPS.get, { id: planned.id })).supervision;
    expect(whole.findings.map((finding: { description: string }) => finding.description)).toEqual(['信息学院问题一', '机电学院问题一']);
    expect(whole.findingStats).toMatchObject({ total: 2, major: 1, general: 1, notRaised: 2 });
    const seenByA = (await bed.runner.data(officerA, OPS.get, { id: planned.id })).supervision;
    expect(seenByA.findings.map((finding: { description: string }) => finding.description)).toEqual(['信息学院问题一']);
    expect(seenByA.findingStats).toMatchObject({ total: 1, major: 0 });
    const seenByB = (await bed.runner.data(officerB, OPS.get, { id: planned.id })).supervision;
    expect(seenByB.findings.map((finding: { description: string }) => finding.description)).toEqual(['机电学院问题一']);

    const hidden = await refusal(otherCounty, OPS.get, { id: planned.id });
    expect(hidden).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const listed = (await bed.runner.data(otherCounty, OPS.list, {})).supervisions;
    expect(listed.totalCount).toBe(0);
    const byA = (await bed.runner.data(officerA, OPS.list, { filter: { inspectedUnitId: 'collegea' } })).supervisions;
    expect(byA.edges.map((edge: { node: { title: string } }) => edge.node.title)).toContain('期中安全督导');
    const fileForOtherCounty = await refusal(otherCounty, OPS.report_file, { id: planned.id });
    expect(fileForOtherCounty).toMatchObject({ code: 'NOT_FOUND' });

    const unitFindings = await bed.runner.data(officerA, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { id supervisionFindings { totalCount edges { node { description } } } } } }', {
      r: [{ __typename: 'OrgUnit', id: 'collegea' }, { __typename: 'OrgUnit', id: 'collegeb' }],
    });
    const [unitA, unitB] = unitFindings._entities;
    expect(unitA.supervisionFindings.edges.map((edge: { node: { description: string } }) => edge.node.description)).toContain('信息学院问题一');
    expect(unitB.supervisionFindings.totalCount).toBe(0);
  });

  it('reports and closes; a reported inspection cannot be edited; the report has the organiser’s or the unit’s findings', async () => {
    const planned = await plan({ title: '年末安全督导' });
    const started = await start(planned);
    await record(planned.id, { description: '配电箱未上锁', raiseAsHazard: true });
    await record(planned.id, { orgUnitId: 'collegeb', description: '行车年检过期', severity: 'MAJOR' });
    const reported = (await bed.runner.data(schoolOffice, OPS.report, { input: { id: planned.id, version: started.version, summary: '总体较好，用电和特种设备问题须限期整改' } }))
      .reportSupervision.supervision;
    expect(reported).toMatchObject({ status: 'REPORTED', summary: '总体较好，用电和特种设备问题须限期整改' });

    const edit = await refusal(schoolOffice, OPS.update, { input: { id: planned.id, version: reported.version, title: '改个名字' } });
    expect(edit).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', message: '督导检查已出报告，不能再修改' });
    const lateFinding = await refusal(inspector, OPS.record, { input: findingInput(planned.id) });
    expect(lateFinding).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });

    const workbook = async (viewer: typeof schoolOffice) => {
      const file = (await bed.runner.data(viewer, OPS.report_file, { id: planned.id })).supervisionReportWorkbook;
      const book = new Workbook();
      await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
      return { file, book };
    };
    const { file, book } = await workbook(schoolOffice);
    expect(file.filename).toMatch(/^督查报告-年末安全督导-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['概况', '各单位问题', '问题清单']);
    expect(book.getWorksheet('概况')?.getColumn(2).values).toEqual(expect.arrayContaining(['现代职业学院', '现代职业学院安全督导组', '信息工程学院、机电工程学院']));
    const rows = book.getWorksheet('问题清单')?.getSheetValues().slice(3) as unknown[][];
    expect(rows.map((row) => [row[2], row[5], row[6], row[8], row[9]])).toEqual([
      ['信息工程学院', '配电箱未上锁', '一般', '登记中', '待登记'],
      ['机电工程学院', '行车年检过期', '重大', '—', '未转隐患'],
    ]);
    const forUnit = await workbook(officerB);
    const unitRows = forUnit.book.getWorksheet('问题清单')?.getSheetValues().slice(3) as unknown[][];
    expect(unitRows.map((row) => row[5])).toEqual(['行车年检过期']);

    const closed = (await bed.runner.data(schoolOffice, OPS.close, { input: { id: planned.id, version: reported.version } })).closeSupervision.supervision;
    expect(closed.status).toBe('CLOSED');
    const cancelled = await refusal(schoolOffice, OPS.cancel, { input: { id: planned.id, version: closed.version, reason: '取消' } });
    expect(cancelled).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
  });
});
