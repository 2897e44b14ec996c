import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const MAX_BYTES = 256 * 1024;
const DOCUMENT = 'id kind filename contentType size sha256 downloadUrl note uploadedBy { id }';
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), randomBytes(40_000), Buffer.from('\n%%EOF\n', 'latin1')]);
const jpeg = (size: number) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), randomBytes(size - 14), Buffer.from([0xff, 0xd9])]);

/** Emergency plan revision documents and drill photos of 信息工程学院 through the gateway. */
describe('education-drills: plan revision documents and drill photos through the gateway', () => {
  let fixture: PlatformFixture;
  let gatewayBase: string;
  let documentsDir: string;
  let officer: GraphQLClient; // xx.officer: 信息工程学院安全员
  let otherCollege: GraphQLClient; // jd.officer: 机电工程学院安全员

  async function upload(client: GraphQLClient, fields: Record<string, string>, content: Buffer, filename: string, type: string): Promise<{ status: number; body: any }> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([content], { type }), filename);
    const response = await fetch(new URL('/uploads/education-document', gatewayBase), { method: 'POST', body: form, headers: { authorization: `Bearer ${client.token}` } });
    return { status: response.status, body: await response.json() };
  }

  const download = (client: GraphQLClient, downloadUrl: string) => fetch(new URL(downloadUrl, gatewayBase), { headers: { authorization: `Bearer ${client.token}` } });

  async function approvedRevision(): Promise<{ planId: string; revisionId: string }> {
    const input = { orgUnitId: fixture.unitIds['XDZY-XX'], title: '信息楼机房火灾现场处置方案', type: 'ON_SITE', scenarioTypes: ['FIRE'], versionLabel: '2026版', reviewDate: '2027-06-30' };
    const created = await officer.data('mutation($input: CreateEmergencyPlanInput!) { createEmergencyPlan(input: $input) { emergencyPlan { id version } } }', { input });
    const plan = created.createEmergencyPlan.emergencyPlan;
    const approved = await officer.data(
      'mutation($input: UpdateEmergencyPlanInput!) { updateEmergencyPlan(input: $input) { emergencyPlan { currentRevision { id approvedAt approvedBy { id } } } } }',
      { input: { id: plan.id, version: plan.version, status: 'APPROVED' } },
    );
    return { planId: plan.id, revisionId: approved.updateEmergencyPlan.emergencyPlan.currentRevision.id };
  }

  async function heldDrill(): Promise<string> {
    const heldAt = new Date(Date.now() - 86_400_000);
    const input = { orgUnitId: fixture.unitIds['XDZY-XX'], title: '信息楼机房灭火疏散演练', type: 'FIRE', scenario: '机房 UPS 冒烟', placeText: '信息楼', expectedParticipants: 60, plannedDate: calendarDateOf(heldAt) };
    const planned = (await officer.data('mutation($input: PlanDrillInput!) { planDrill(input: $input) { drill { id version } } }', { input })).planDrill.drill;
    const hold = { id: planned.id, version: planned.version, startedAt: heldAt.toISOString(), endedAt: new Date(heldAt.getTime() + 1_200_000).toISOString(), actualParticipants: 58, evacuationSeconds: 95 };
    await officer.data('mutation($input: HoldDrillInput!) { holdDrill(input: $input) { drill { id } } }', { input: hold });
    return planned.id;
  }

  beforeAll(async () => {
    documentsDir = await mkdtemp(path.join(os.tmpdir(), 'e2e-education-documents-'));
    fixture = await startPlatformFixture(4440, { 'education-drills': { EDUCATION_DOCUMENTS_MAX_BYTES: String(MAX_BYTES), EDUCATION_DOCUMENTS_DIR: documentsDir } });
    gatewayBase = new URL('/', fixture.platform.gatewayUrl).href;
    officer = await fixture.as('xx.officer');
    otherCollege = await fixture.as('jd.officer');
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
    if (documentsDir) await rm(documentsDir, { recursive: true, force: true });
  });

  it("keeps a revision's document and a drill's photo, lists them and serves them back byte for byte", async () => {
    const { planId, revisionId } = await approvedRevision();
    const text = pdf();
    const document = await upload(officer, { ownerKind: 'PLAN_REVISION', ownerId: revisionId, kind: 'DOCUMENT', note: '盖章版' }, text, '机房火灾现场处置方案.pdf', 'application/pdf');
    expect(document).toMatchObject({ status: 201, body: { contentType: 'application/pdf', size: text.length, sha256: sha256(text), downloadUrl: `/education-documents/${document.body.id}` } });

    const drillId = await heldDrill();
    const photo = jpeg(150_000);
    const uploaded = await upload(officer, { ownerKind: 'DRILL', ownerId: drillId, kind: 'PHOTO' }, photo, '灭火演练.jpg', 'image/jpeg');
    expect(uploaded).toMatchObject({ status: 201, body: { kind: 'PHOTO', contentType: 'image/jpeg', sha256: sha256(photo) } });

    const read = await officer.data(`query($plan: ID!, $drill: ID!) {
      emergencyPlan(id: $plan) { currentRevision { id approvedAt approvedBy { id } documents { ${DOCUMENT} } } }
      drill(id: $drill) { documents(kind: PHOTO) { ${DOCUMENT} } } }`, { plan: planId, drill: drillId });
    expect(read.emergencyPlan.currentRevision).toMatchObject({ id: revisionId, approvedBy: { id: expect.any(String) }, documents: [{ id: document.body.id, note: '盖章版' }] });
    expect(read.drill.documents).toEqual([expect.objectContaining({ id: uploaded.body.id, filename: '灭火演练.jpg' })]);

    for (const [url, content, type] of [[document.body.downloadUrl, text, 'application/pdf'], [read.drill.documents[0].downloadUrl, photo, 'image/jpeg']] as const) {
      const response = await download(officer, url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('x-checksum-sha256')).toBe(sha256(content));
      expect(Buffer.from(await response.arrayBuffer()).equals(content)).toBe(true);
    }

    // The demo campus's approved dormitory plan carries its PDF, and its evaluated drill a photo.
    const demo = await (await fixture.as('safety.office')).data(`{ emergencyPlans(filter: { status: [APPROVED] }) { edges { node { title currentRevision { documents { contentType } } } } }
      drills(filter: { status: [EVALUATED] }) { edges { node { documents(kind: PHOTO) { contentType } } } } }`);
    const demoPlan = demo.emergencyPlans.edges.find((edge: any) => edge.node.title === '学生宿舍火灾应急疏散预案');
    expect(demoPlan.node.currentRevision.documents).toEqual([{ contentType: 'application/pdf' }]);
    expect(demo.drills.edges.some((edge: any) => edge.node.documents.length === 1)).toBe(true);
  });

  it("refuses another college's revision and documents, and a disguised or oversized file", async () => {
    const { revisionId } = await approvedRevision();
    const intruder = await upload(otherCollege, { ownerKind: 'PLAN_REVISION', ownerId: revisionId, kind: 'DOCUMENT' }, pdf(), '预案.pdf', 'application/pdf');
    expect(intruder).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const disguised = await upload(officer, { ownerKind: 'PLAN_REVISION', ownerId: revisionId, kind: 'DOCUMENT' }, Buffer.from('<html>预案</html>'), '预案.pdf', 'application/pdf');
    expect(disguised).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const oversized = await upload(officer, { ownerKind: 'PLAN_REVISION', ownerId: revisionId, kind: 'DOCUMENT' }, Buffer.concat([pdf(), randomBytes(MAX_BYTES)]), '预案.pdf', 'application/pdf');
    expect(oversized).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    const mine = await upload(officer, { ownerKind: 'PLAN_REVISION', ownerId: revisionId, kind: 'DOCUMENT' }, pdf(), '预案.pdf', 'application/pdf');
    expect((await download(otherCollege, mine.body.downloadUrl)).status).toBe(404);
    expect((await fetch(new URL(mine.body.downloadUrl, gatewayBase))).status).toBe(401);
  });
});
