import { Role } from '@campus/auth';
import { sampleDocx, sampleJpeg, samplePdf, samplePng, storedZip } from '@campus/files';
import { createHash } from 'node:crypto';
import { PlanRevisionBackfill1764500000081 } from '../migrations/1764500000081-plan-revision-backfill';
import { DocumentsTestServer, Person, viewerOf } from './documents-testing';

const MAX_BYTES = 64 * 1024;
const OFFICER_A: Person = { accountId: 'officer-a', personId: 'p-officer-a', grants: [[Role.UNIT_SAFETY_OFFICER, 'collegea']] };
const OFFICER_B: Person = { accountId: 'officer-b', personId: 'p-officer-b', grants: [[Role.UNIT_SAFETY_OFFICER, 'collegeb']] };
const STAFF_A: Person = { accountId: 'staff-a', personId: 'p-staff-a', grants: [[Role.STAFF, 'collegea']] };
const OFFICE: Person = { accountId: 'office', personId: 'p-office', grants: [[Role.SAFETY_OFFICE, 'school']] };

const DOCUMENT = 'id ownerKind ownerId kind filename contentType size sha256 downloadUrl note uploadedByAccountId uploadedBy { id }';
const REVISIONS = `query($id: ID!) { emergencyPlan(id: $id) { revisions { id number approvedAt approvedByAccountId changeNote documents { ${DOCUMENT} } } } }`;
const DRILL_DOCUMENTS = `query($id: ID!) { drill(id: $id) { photos: documents(kind: PHOTO) { ${DOCUMENT} } all: documents { id kind } } }`;
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe('education-drills: plan revision and drill documents over HTTP (integration)', () => {
  const server = new DocumentsTestServer();
  const now = new Date('2026-11-20T08:00:00.000Z');

  async function approvedPlan(unit: 'collegea' | 'collegeb' = 'collegea', person = OFFICER_A) {
    const input = { orgUnitId: unit, title: '消防应急预案', type: 'SPECIAL', versionLabel: '2026版', reviewDate: '2027-09-01' };
    const create = 'mutation($input: CreateEmergencyPlanInput!) { createEmergencyPlan(input: $input) { emergencyPlan { id version } } }';
    const plan = (await server.runner.data(viewerOf(person), create, { input })).createEmergencyPlan.emergencyPlan;
    return approve(plan, person);
  }

  async function approve(plan: { id: string; version: number }, person = OFFICER_A, changeNote?: string) {
    const update = 'mutation($input: UpdateEmergencyPlanInput!) { updateEmergencyPlan(input: $input) { emergencyPlan { id version currentRevision { id number } } } }';
    const input = { id: plan.id, version: plan.version, status: 'APPROVED', changeNote };
    return (await server.runner.data(viewerOf(person), update, { input })).updateEmergencyPlan.emergencyPlan;
  }

  async function drill(options: { held?: boolean; unit?: 'collegea' | 'collegeb' } = {}) {
    const input = { orgUnitId: options.unit ?? 'collegea', title: '秋季学期疏散演练', type: 'EVACUATION', scenario: '实训楼起火', placeText: '实训楼', expectedParticipants: 300, plannedDate: '2026-11-18' };
    const planned = (await server.runner.data(viewerOf(OFFICE), 'mutation($input: PlanDrillInput!) { planDrill(input: $input) { drill { id version } } }', { input })).planDrill.drill;
    if (!options.held) return planned;
    const hold = { id: planned.id, version: planned.version, startedAt: '2026-11-18T02:00:00.000Z', endedAt: '2026-11-18T02:40:00.000Z', actualParticipants: 286, evacuationSeconds: 185 };
    return (await server.runner.data(viewerOf(OFFICE), 'mutation($input: HoldDrillInput!) { holdDrill(input: $input) { drill { id version } } }', { input: hold })).holdDrill.drill;
  }

  const toRevision = (revisionId: string, kind = 'DOCUMENT') => ({ ownerKind: 'PLAN_REVISION', ownerId: revisionId, kind });
  const toDrill = (drillId: string, kind: string) => ({ ownerKind: 'DRILL', ownerId: drillId, kind });

  beforeAll(() => server.start(MAX_BYTES, () => now));
  afterAll(() => server.stop());

  it('keeps the approved text with its revision, lists it and serves it back intact to whoever sees the plan', async () => {
    const plan = await approvedPlan();
    const pdf = samplePdf();
    const created = await server.upload(OFFICER_A, { ...toRevision(plan.currentRevision.id), note: '盖章版' }, pdf, '消防应急预案（2026版）.pdf', 'application/pdf');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ownerKind: 'PLAN_REVISION',
      ownerId: plan.currentRevision.id,
      kind: 'DOCUMENT',
      filename: '消防应急预案（2026版）.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      downloadUrl: `/education-documents/${created.body.id}`,
      note: '盖章版',
      uploadedByAccountId: 'officer-a',
      uploadedBy: { id: 'p-officer-a' },
    });
    const word = await server.upload(OFFICE, toRevision(plan.currentRevision.id), sampleDocx(), '预案.docx');
    expect(word.body.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const revisions = (await server.runner.data(viewerOf(STAFF_A), REVISIONS, { id: plan.id })).emergencyPlan.revisions;
    expect(revisions[0].documents.map((document: { id: string }) => document.id)).toEqual([created.body.id, word.body.id]);

    for (const person of [OFFICER_A, STAFF_A, OFFICE]) {
      const response = await server.download(person, created.body.id);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('x-checksum-sha256')).toBe(sha256(pdf));
      expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''");
      expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
    }
    const elsewhere = await server.download(OFFICER_B, created.body.id);
    expect(elsewhere.status).toBe(404);
    expect((await server.runner.data(viewerOf(OFFICER_B), REVISIONS, { id: plan.id }).catch((error: Error) => error.message))).toContain('不存在');
  });

  it('refuses by content, size, scope, role, owner and state, and keeps nothing it refused', async () => {
    const plan = await approvedPlan();
    const revisionId = plan.currentRevision.id;
    const before = await server.storedFiles();
    const executable = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(4000, 1)]);
    const disguised = await server.upload(OFFICER_A, toRevision(revisionId), executable, '预案.pdf', 'application/pdf');
    expect(disguised).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'FILE_TYPE_REFUSED' } });
    expect(disguised.body.message).toContain('PDF、Word、Excel、JPEG、PNG');
    const plainZip = await server.upload(OFFICER_A, toRevision(revisionId), storedZip({ 'a.txt': 'x' }), '预案.docx');
    expect(plainZip.status).toBe(415);
    const tooBig = await server.upload(OFFICER_A, toRevision(revisionId), Buffer.concat([samplePdf(), Buffer.alloc(MAX_BYTES)]), '预案.pdf');
    expect(tooBig).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', reason: 'FILE_TOO_LARGE' } });
    const otherCollege = await server.upload(OFFICER_B, toRevision(revisionId), samplePdf(), '预案.pdf');
    expect(otherCollege).toMatchObject({ status: 404, body: { reason: 'NOT_FOUND' } });
    const staff = await server.upload(STAFF_A, toRevision(revisionId), samplePdf(), '预案.pdf');
    expect(staff).toMatchObject({ status: 403, body: { reason: 'ROLE_REQUIRED' } });
    expect(staff.body.message).toContain('应急预案文件');
    const unknownRevision = await server.upload(OFFICER_A, toRevision('0'.repeat(32)), samplePdf(), '预案.pdf');
    expect(unknownRevision).toMatchObject({ status: 404, body: { reason: 'NOT_FOUND' } });
    const unknownDrill = await server.upload(OFFICER_A, toDrill('f'.repeat(32), 'PHOTO'), sampleJpeg(), 'a.jpg');
    expect(unknownDrill.status).toBe(404);
    const photoOfPlan = await server.upload(OFFICER_A, toRevision(revisionId, 'PHOTO'), sampleJpeg(), 'a.jpg');
    expect(photoOfPlan).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    const noOwner = await server.upload(OFFICER_A, { kind: 'DOCUMENT' }, samplePdf(), 'a.pdf');
    expect(noOwner.status).toBe(400);

    // A later approval closes the earlier revision: its documents stay as they were.
    const revised = await approve(plan, OFFICER_A, '调整疏散路线');
    expect(revised.currentRevision.number).toBe(2);
    const superseded = await server.upload(OFFICER_A, toRevision(revisionId), samplePdf(), '预案.pdf');
    expect(superseded).toMatchObject({ status: 409, body: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' } });
    expect(superseded.body.message).toContain('现行修订');
    expect(await server.storedFiles()).toEqual(before);
    const [{ count }] = await server.db.dataSource.query('SELECT COUNT(*) AS count FROM education_document WHERE owner_id = ?', [revisionId]);
    expect(Number(count)).toBe(0);
  });

  it("takes a drill's photos once it is held and its documents before, from whoever records it, never for a cancelled drill", async () => {
    const planned = await drill();
    const early = await server.upload(OFFICER_A, toDrill(planned.id, 'PHOTO'), sampleJpeg(), '现场.jpg');
    expect(early).toMatchObject({ status: 409, body: { reason: 'ILLEGAL_TRANSITION' } });
    const script = await server.upload(OFFICER_A, toDrill(planned.id, 'DOCUMENT'), storedZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }), '签到表.xlsx');
    expect(script.body).toMatchObject({ kind: 'DOCUMENT', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const cancel = 'mutation($input: CancelDrillInput!) { cancelDrill(input: $input) { drill { status } } }';
    const other = await drill();
    await server.runner.data(viewerOf(OFFICE), cancel, { input: { id: other.id, version: other.version, reason: '天气原因取消' } });
    expect((await server.upload(OFFICER_A, toDrill(other.id, 'DOCUMENT'), samplePdf(), 'a.pdf')).status).toBe(409);

    const held = await drill({ held: true });
    const photo = samplePng(20_000);
    const uploaded = await server.upload(OFFICER_A, toDrill(held.id, 'PHOTO'), photo, '疏散现场.png', 'image/png');
    expect(uploaded.body).toMatchObject({ ownerKind: 'DRILL', kind: 'PHOTO', contentType: 'image/png', sha256: sha256(photo) });
    const pdfAsPhoto = await server.upload(OFFICER_A, toDrill(held.id, 'PHOTO'), samplePdf(), '照片.jpg');
    expect(pdfAsPhoto.status).toBe(415);
    expect((await server.upload(STAFF_A, toDrill(held.id, 'PHOTO'), sampleJpeg(), 'a.jpg')).status).toBe(403);
    expect((await server.upload(OFFICER_B, toDrill(held.id, 'PHOTO'), sampleJpeg(), 'a.jpg')).status).toBe(404);
    await server.upload(OFFICE, toDrill(held.id, 'DOCUMENT'), samplePdf(), '演练总结.pdf');

    const read = (await server.runner.data(viewerOf(STAFF_A), DRILL_DOCUMENTS, { id: held.id })).drill;
    expect(read.photos).toEqual([expect.objectContaining({ id: uploaded.body.id, filename: '疏散现场.png', downloadUrl: `/education-documents/${uploaded.body.id}` })]);
    expect(read.all.map((document: { kind: string }) => document.kind)).toEqual(['PHOTO', 'DOCUMENT']);
    const response = await server.download(STAFF_A, uploaded.body.id);
    expect(Buffer.from(await response.arrayBuffer()).equals(photo)).toBe(true);
    expect((await server.download(OFFICER_B, uploaded.body.id)).status).toBe(404);
  });

  it('backfills revision 1 of plans approved before revisions were kept, from the plan as recorded', async () => {
    const approvedAt = new Date('2025-04-01T02:00:00.000Z');
    const insert = `INSERT INTO emergency_plan (id, title, plan_type, scenario, scenario_types, version_label, status, review_date, approved_at, review_cycle_months, org_unit_id, org_path, version)
      VALUES (?, '防汛应急预案', 'SPECIAL', NULL, '', '2025版', ?, '2026-04-01', ?, 12, 'collegea', '/bureau/school/collegea/', 1)`;
    await server.db.dataSource.query(insert, ['a'.repeat(32), 'APPROVED', approvedAt]);
    await server.db.dataSource.query(insert, ['b'.repeat(32), 'DRAFT', null]);
    const kept = await approvedPlan();
    const runner = server.db.dataSource.createQueryRunner();
    try {
      await new PlanRevisionBackfill1764500000081().up(runner);
    } finally {
      await runner.release();
    }
    const revisions = await server.runner.data(viewerOf(OFFICER_A), REVISIONS, { id: 'a'.repeat(32) });
    expect(revisions.emergencyPlan.revisions).toEqual([
      { id: expect.any(String), number: 1, approvedAt: approvedAt.toISOString(), approvedByAccountId: null, changeNote: expect.stringContaining('补录'), documents: [] },
    ]);
    const [plan] = await server.db.dataSource.query('SELECT next_review_due FROM emergency_plan WHERE id = ?', ['a'.repeat(32)]);
    expect(String(plan.next_review_due instanceof Date ? plan.next_review_due.toISOString().slice(0, 10) : plan.next_review_due)).toBe('2026-04-01');
    expect((await server.runner.data(viewerOf(OFFICER_A), REVISIONS, { id: 'b'.repeat(32) })).emergencyPlan.revisions).toEqual([]);
    expect((await server.runner.data(viewerOf(OFFICER_A), REVISIONS, { id: kept.id })).emergencyPlan.revisions).toHaveLength(1);
  });
});
