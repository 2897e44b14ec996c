import { Role, signToken, createTokenVerifier, RoleGrant } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { DiskStore, sampleDocx, sampleJpeg, samplePdf, samplePng, storedZip } from '@campus/files';
import { createLogger } from '@campus/logger';
import { createHttpApp, listen } from '@campus/server';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { HAZARD_MODULES, buildHazardSchema } from '../service';
import { mountEvidence } from './evidence.module';

const SECRET = 'evidence-test-secret-0123456789abcdef';
const MAX_BYTES = 64 * 1024;
const PATHS = { school: '/bureau/school/', collegea: '/bureau/school/collegea/', collegeb: '/bureau/school/collegeb/' };

interface Person {
  accountId: string;
  personId: string;
  grants: [Role, keyof typeof PATHS][];
}
const OFFICER_A: Person = { accountId: 'officer-a', personId: 'p-officer-a', grants: [[Role.UNIT_SAFETY_OFFICER, 'collegea']] };
const OFFICER_B: Person = { accountId: 'officer-b', personId: 'p-officer-b', grants: [[Role.UNIT_SAFETY_OFFICER, 'collegeb']] };
const COUNSELOR_A: Person = { accountId: 'counselor-a', personId: 'p-counselor', grants: [[Role.COUNSELOR, 'collegea']] };
const OFFICE: Person = { accountId: 'office', personId: 'p-office', grants: [[Role.SAFETY_OFFICE, 'school']] };

const viewerOf = (person: Person) =>
  viewerWith(person.accountId, person.grants.map(([role, unit]) => [role, unit, PATHS[unit]]), person.personId);

const EVIDENCE_FIELDS = 'id kind filename contentType size sha256 downloadUrl note uploadedAt uploadedByAccountId uploadedBy { id } stepSeq';
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe('hazard-tracking: evidence upload and download over HTTP (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let server: http.Server;
  let baseUrl: string;
  let storeDir: string;
  const tokens = new Map<Person, string>();

  async function tokenOf(person: Person): Promise<string> {
    if (!tokens.has(person)) {
      const grants: RoleGrant[] = person.grants.map(([role, unit]) => ({ role, unitId: unit, path: PATHS[unit] }));
      tokens.set(person, await signToken({ accountId: person.accountId, personId: person.personId, grants }, SECRET, 600));
    }
    return tokens.get(person)!;
  }

  async function register(title: string, unit: keyof typeof PATHS = 'collegea', category = 'FIRE'): Promise<{ id: string; version: number }> {
    const input = { orgUnitId: unit, title, description: `${title}：检查发现`, category, placeText: '实验楼', discoveredAt: new Date().toISOString() };
    const data = await runner.data(viewerOf(OFFICE), 'mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id version } } }', {
      input,
    });
    return data.registerHazard.hazard;
  }

  interface UploadOptions {
    as?: Person | null;
    token?: string;
    hazardId?: string;
    kind?: string;
    note?: string;
    content?: Buffer;
    filename?: string;
    declaredType?: string;
    fileFirst?: boolean;
  }

  async function upload(options: UploadOptions): Promise<{ status: number; body: any }> {
    const form = new FormData();
    const file = new Blob([options.content ?? sampleJpeg()], { type: options.declaredType ?? 'image/jpeg' });
    if (options.fileFirst) form.append('file', file, options.filename ?? 'photo.jpg');
    if (options.hazardId !== undefined) form.append('hazardId', options.hazardId);
    if (options.kind !== undefined) form.append('kind', options.kind);
    if (options.note !== undefined) form.append('note', options.note);
    if (!options.fileFirst) form.append('file', file, options.filename ?? 'photo.jpg');
    const person = options.as === undefined ? OFFICER_A : options.as;
    const token = options.token ?? (person ? await tokenOf(person) : null);
    const response = await fetch(`${baseUrl}/evidence`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, body: await response.json() };
  }

  async function download(id: string, person: Person | null = OFFICER_A, headers: Record<string, string> = {}): Promise<Response> {
    const auth: Record<string, string> = person ? { authorization: `Bearer ${await tokenOf(person)}` } : {};
    return fetch(`${baseUrl}/evidence/${id}`, { headers: { ...auth, ...headers } });
  }

  async function storedFiles(): Promise<string[]> {
    const entries = await readdir(storeDir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('evidence', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
    storeDir = await mkdtemp(path.join(os.tmpdir(), 'evidence-http-'));
    const app = createHttpApp(createLogger('test', 'silent'), async () => undefined);
    const verifyToken = createTokenVerifier({ jwtSecret: SECRET });
    mountEvidence(app, { dataSource: db.dataSource, verifyToken }, { maxBytes: MAX_BYTES, createStore: () => new DiskStore(storeDir) });
    server = http.createServer(app);
    await listen(server, 0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await db?.drop();
    await rm(storeDir, { recursive: true, force: true });
  });

  it('takes before and after photos and a document, serves them back intact, and lists them on the hazard', async () => {
    const hazard = await register('配电箱门锁损坏');
    const before = sampleJpeg(20_000);
    const after = samplePng(30_000);
    const created = await upload({ hazardId: hazard.id, kind: 'BEFORE_PHOTO', note: '整改前现场', content: before, filename: '整改前 配电箱.jpg' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'BEFORE_PHOTO',
      filename: '整改前 配电箱.jpg',
      contentType: 'image/jpeg',
      size: before.length,
      sha256: sha256(before),
      downloadUrl: `/evidence/${created.body.id}`,
      note: '整改前现场',
      uploadedByAccountId: 'officer-a',
      uploadedBy: { id: 'p-officer-a' },
      stepSeq: null,
    });
    // The declared type does not decide: a PNG declared as JPEG is stored as the PNG it is.
    const afterPhoto = await upload({ hazardId: hazard.id, kind: 'AFTER_PHOTO', content: after, filename: 'after.jpg', declaredType: 'image/jpeg' });
    expect(afterPhoto.body).toMatchObject({ contentType: 'image/png', filename: 'after.jpg.png', sha256: sha256(after) });
    const document = await upload({ as: OFFICE, hazardId: hazard.id, kind: 'DOCUMENT', content: sampleDocx(), filename: '整改报告.docx', declaredType: 'application/octet-stream' });
    expect(document.status).toBe(201);
    expect(document.body.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const response = await download(created.body.id);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(before)).toBe(true);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-length')).toBe(String(before.length));
    expect(response.headers.get('x-checksum-sha256')).toBe(sha256(before));
    expect(response.headers.get('etag')).toBe(`"${sha256(before)}"`);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="___ ___.jpg"; filename*=UTF-8''${encodeURIComponent('整改前 配电箱.jpg')}`,
    );
    expect((await download(created.body.id, OFFICER_A, { 'if-none-match': `"${sha256(before)}"` })).status).toBe(304);
    expect((await download(created.body.id, OFFICE)).status).toBe(200);

    const query = `query($id: ID!) { hazard(id: $id) { all: evidence { ${EVIDENCE_FIELDS} } before: evidence(kind: BEFORE_PHOTO) { id } after: evidence(kind: AFTER_PHOTO) { id } } }`;
    const read = (await runner.data(viewerOf(OFFICER_A), query, { id: hazard.id })).hazard;
    expect(read.all.map((item: any) => item.kind)).toEqual(['BEFORE_PHOTO', 'AFTER_PHOTO', 'DOCUMENT']);
    expect(read.all[0]).toEqual({ ...created.body, uploadedAt: new Date(created.body.uploadedAt).toISOString() });
    expect(read.before).toEqual([{ id: created.body.id }]);
    expect(read.after).toEqual([{ id: afterPhoto.body.id }]);
    const [row] = await db.dataSource.query('SELECT org_path, storage_key FROM hazard_evidence WHERE id = ?', [created.body.id]);
    expect(row).toEqual({ org_path: PATHS.collegea, storage_key: `hazards/${hazard.id}/${created.body.id}` });
    // The upload is in the audit trail with who made it, as a mutation would be.
    const audited = await db.dataSource.query('SELECT account_id, person_id, operation, action FROM audit_log WHERE table_name = ? AND object_id = ?', [
      'hazard_evidence',
      created.body.id,
    ]);
    expect(audited).toEqual([{ account_id: 'officer-a', person_id: 'p-officer-a', operation: 'POST /evidence', action: 'create' }]);
  });

  it('refuses callers without a valid token, outside the hazard scope or without a role there', async () => {
    const hazard = await register('楼道堆放杂物');
    expect(await upload({ as: null, hazardId: hazard.id, kind: 'BEFORE_PHOTO' })).toEqual({
      status: 401,
      body: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED', message: '请先登录 (UNAUTHENTICATED)' },
    });
    expect((await upload({ token: 'not-a-token', hazardId: hazard.id, kind: 'BEFORE_PHOTO' })).status).toBe(401);
    const outside = await upload({ as: OFFICER_B, hazardId: hazard.id, kind: 'BEFORE_PHOTO' });
    expect(outside).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(outside.body.message).toContain('隐患不存在或不在您的管辖范围内');
    expect(await upload({ as: COUNSELOR_A, hazardId: hazard.id, kind: 'BEFORE_PHOTO' })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await upload({ hazardId: 'f'.repeat(32), kind: 'BEFORE_PHOTO' })).status).toBe(404);

    const created = await upload({ hazardId: hazard.id, kind: 'BEFORE_PHOTO' });
    expect((await download(created.body.id, null)).status).toBe(401);
    const hidden = await download(created.body.id, OFFICER_B);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('佐证材料不存在') });
    expect((await download('0'.repeat(32))).status).toBe(404);
  });

  it('answers NOT_FOUND to an upload or a download for a hazard of a sensitive category by someone who does not handle it', async () => {
    const hazard = await register('学生情绪异常', 'collegea', 'PSYCHOLOGICAL');
    const refused = await upload({ hazardId: hazard.id, kind: 'BEFORE_PHOTO' });
    expect(refused).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const accepted = await upload({ as: OFFICE, hazardId: hazard.id, kind: 'DOCUMENT', content: samplePdf(), filename: '谈话记录.pdf', declaredType: 'application/pdf' });
    expect(accepted.status).toBe(201);
    // The file's unit is in the college officer's scope, but the case is the handlers' only: its files too.
    const hidden = await download(accepted.body.id, OFFICER_A);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('佐证材料') });
    expect((await download(accepted.body.id, OFFICE)).status).toBe(200);
    expect((await download(accepted.body.id, COUNSELOR_A)).status).toBe(200);
  });

  it('refuses files by their content, size and emptiness, and malformed forms, keeping nothing of them', async () => {
    const hazard = await register('消防通道被占用');
    const before = await storedFiles();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00', 'latin1'), Buffer.alloc(5000)]);
    const disguised = await upload({ hazardId: hazard.id, kind: 'BEFORE_PHOTO', content: exe, filename: '照片.jpg', declaredType: 'image/jpeg' });
    expect(disguised).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('JPEG、PNG、WebP') } });
    const text = await upload({ hazardId: hazard.id, kind: 'DOCUMENT', content: Buffer.from('纯文本冒充图片'), declaredType: 'image/jpeg' });
    expect(text.status).toBe(415);
    expect((await upload({ hazardId: hazard.id, kind: 'AFTER_PHOTO', content: samplePdf(), filename: 'a.pdf' })).status).toBe(415);
    const zip = storedZip({ 'setup.exe': Buffer.alloc(1000, 7) });
    expect((await upload({ hazardId: hazard.id, kind: 'DOCUMENT', content: zip, filename: 'a.docx' })).status).toBe(415);

    const tooBig = await upload({ hazardId: hazard.id, kind: 'BEFORE_PHOTO', content: sampleJpeg(MAX_BYTES * 3) });
    expect(tooBig).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '文件超过大小上限 64 KiB (PAYLOAD_TOO_LARGE)' } });
    expect((await upload({ hazardId: hazard.id, kind: 'BEFORE_PHOTO', content: sampleJpeg(MAX_BYTES) })).status).toBe(201);
    expect(await upload({ hazardId: hazard.id, kind: 'BEFORE_PHOTO', content: Buffer.alloc(0) })).toMatchObject({
      status: 400,
      body: { code: 'BAD_USER_INPUT', message: expect.stringContaining('文件为空') },
    });

    expect((await upload({ kind: 'BEFORE_PHOTO' })).body).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('hazardId') });
    expect((await upload({ hazardId: hazard.id, kind: 'SELFIE' })).body.message).toContain('BEFORE_PHOTO');
    expect((await upload({ hazardId: hazard.id, kind: 'BEFORE_PHOTO', fileFirst: true })).body.message).toContain('须在文件之前');
    expect((await upload({ hazardId: hazard.id, kind: 'BEFORE_PHOTO', note: '长'.repeat(501) })).status).toBe(400);
    const noFile = await fetch(`${baseUrl}/evidence`, {
      method: 'POST',
      body: (() => {
        const form = new FormData();
        form.append('hazardId', hazard.id);
        form.append('kind', 'BEFORE_PHOTO');
        return form;
      })(),
      headers: { authorization: `Bearer ${await tokenOf(OFFICER_A)}` },
    });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as any).message).toContain('缺少文件');
    const json = await fetch(`${baseUrl}/evidence`, {
      method: 'POST',
      body: JSON.stringify({ hazardId: hazard.id }),
      headers: { authorization: `Bearer ${await tokenOf(OFFICER_A)}`, 'content-type': 'application/json' },
    });
    expect(json.status).toBe(415);

    const [{ count }] = await db.dataSource.query('SELECT COUNT(*) AS count FROM hazard_evidence WHERE hazard_id = ?', [hazard.id]);
    expect(Number(count)).toBe(1);
    expect((await storedFiles()).length).toBe(before.length + 1);
  });

  it('attaches uploaded evidence to the step that cites it, once, and only evidence of the same hazard', async () => {
    let hazard = await register('实验室通风橱故障');
    const other = await register('另一隐患');
    const photo = (await upload({ hazardId: hazard.id, kind: 'BEFORE_PHOTO' })).body;
    const second = (await upload({ hazardId: hazard.id, kind: 'DOCUMENT', content: samplePdf(), filename: '报告.pdf' })).body;
    const foreign = (await upload({ hazardId: other.id, kind: 'BEFORE_PHOTO' })).body;
    const report = 'mutation($input: ReportHazardInput!) { reportHazard(input: $input) { hazard { id version } } }';
    const refusal = async (evidence: string[]) => {
      const result = await runner.run(viewerOf(OFFICER_A), report, { input: { id: hazard.id, version: hazard.version, evidence } });
      expect(result.data).toBeNull();
      return result.errors?.[0];
    };
    expect(await refusal([foreign.id])).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'evidence' }] } });
    expect((await refusal(['photo-1.jpg']))?.message).toContain('请先上传');
    expect((await refusal([photo.id, photo.id]))?.message).toContain('重复');

    hazard = (await runner.data(viewerOf(OFFICER_A), report, { input: { id: hazard.id, version: hazard.version, evidence: [photo.id, second.id] } }))
      .reportHazard.hazard;
    const query = `query($id: ID!) { hazard(id: $id) { evidence { id stepSeq } steps { seq evidence evidenceFiles { id filename } } } }`;
    const read = (await runner.data(viewerOf(OFFICER_A), query, { id: hazard.id })).hazard;
    expect(read.evidence).toEqual([
      { id: photo.id, stepSeq: 2 },
      { id: second.id, stepSeq: 2 },
    ]);
    expect(read.steps[1]).toEqual({
      seq: 2,
      evidence: [photo.id, second.id],
      evidenceFiles: [
        { id: photo.id, filename: 'photo.jpg' },
        { id: second.id, filename: '报告.pdf' },
      ],
    });
    expect(read.steps[0].evidenceFiles).toEqual([]);

    const plan = 'mutation($input: SubmitRectificationPlanInput!) { submitRectificationPlan(input: $input) { hazard { id version } } }';
    const reused = await runner.run(viewerOf(OFFICE), plan, { input: { id: hazard.id, version: hazard.version, measures: '维修', evidence: [photo.id] } });
    expect(reused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('已用于其他步骤') });
  });

  it('attaches evidence of an on-the-spot fix to its last step, and takes none once the hazard is archived', async () => {
    const hazard = await register('安全出口指示灯不亮');
    const after = (await upload({ hazardId: hazard.id, kind: 'AFTER_PHOTO' })).body;
    const fix = 'mutation($input: FixOnTheSpotInput!) { fixOnTheSpot(input: $input) { hazard { id version status } } }';
    const fixed = (await runner.data(viewerOf(OFFICER_A), fix, { input: { id: hazard.id, version: hazard.version, measures: '更换灯管', evidence: [after.id] } }))
      .fixOnTheSpot.hazard;
    expect(fixed.status).toBe('CLOSED');
    const read = (await runner.data(viewerOf(OFFICER_A), `query($id: ID!) { hazard(id: $id) { evidence { stepSeq } } }`, { id: hazard.id })).hazard;
    expect(read.evidence).toEqual([{ stepSeq: 6 }]);
    const archive = 'mutation($input: ArchiveHazardInput!) { archiveHazard(input: $input) { hazard { status } } }';
    await runner.data(viewerOf(OFFICE), archive, { input: { id: hazard.id, version: fixed.version } });
    expect(await upload({ hazardId: hazard.id, kind: 'DOCUMENT', content: samplePdf() })).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect((await download(after.id)).status).toBe(200);
  });
});
