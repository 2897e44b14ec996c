import { GraphQLClient } from '@campus/testing';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const MAX_BYTES = 256 * 1024;
const EVIDENCE = 'id kind filename contentType size sha256 downloadUrl note uploadedBy { id name } stepSeq';
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

function jpeg(size: number): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), randomBytes(size - 14), Buffer.from([0xff, 0xd9])]);
}

function png(size: number): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);
}

/** Photos and documents of a hazard of 信息工程学院, uploaded and downloaded through the gateway. */
describe('hazard evidence through the gateway', () => {
  let fixture: PlatformFixture;
  let gatewayBase: string;
  let evidenceDir: string;
  let officer: GraphQLClient; // xx.officer, 张伟: 信息工程学院安全员
  let otherCollege: GraphQLClient; // jd.officer, 刘洋: 机电工程学院安全员
  let hazard: { id: string; version: number };

  async function upload(
    client: GraphQLClient | null,
    fields: { kind: string; note?: string },
    content: Buffer,
    filename: string,
    declaredType = 'image/jpeg',
  ): Promise<{ status: number; body: any }> {
    const form = new FormData();
    form.append('hazardId', hazard.id);
    form.append('kind', fields.kind);
    if (fields.note) form.append('note', fields.note);
    form.append('file', new Blob([content], { type: declaredType }), filename);
    const response = await fetch(new URL('/uploads/hazard-evidence', gatewayBase), {
      method: 'POST',
      body: form,
      headers: client?.token ? { authorization: `Bearer ${client.token}` } : {},
    });
    return { status: response.status, body: await response.json() };
  }

  function download(client: GraphQLClient, downloadUrl: string): Promise<Response> {
    return fetch(new URL(downloadUrl, gatewayBase), { headers: { authorization: `Bearer ${client.token}` } });
  }

  beforeAll(async () => {
    evidenceDir = await mkdtemp(path.join(os.tmpdir(), 'e2e-evidence-'));
    fixture = await startPlatformFixture(4160, { 'hazard-tracking': { EVIDENCE_MAX_BYTES: String(MAX_BYTES), EVIDENCE_DIR: evidenceDir } });
    gatewayBase = new URL('/', fixture.platform.gatewayUrl).href;
    officer = await fixture.as('xx.officer');
    otherCollege = await fixture.as('jd.officer');
    const registered = await officer.data(`mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id version } } }`, {
      input: {
        orgUnitId: fixture.unitIds['XDZY-XX'],
        title: '机房配电箱柜门破损',
        description: '配电箱柜门铰链断裂，带电部位外露',
        category: 'FIRE',
        placeText: '信息楼301机房',
        discoveredAt: new Date().toISOString(),
      },
    });
    hazard = registered.registerHazard.hazard;
  });

  afterAll(async () => {
    await fixture?.stop();
    if (evidenceDir) await rm(evidenceDir, { recursive: true, force: true });
  });

  it('takes before and after photos, lists them on the hazard and serves them back byte for byte', async () => {
    const beforePhoto = jpeg(120_000);
    const afterPhoto = png(90_000);
    const before = await upload(officer, { kind: 'BEFORE_PHOTO', note: '柜门破损，带电部位外露' }, beforePhoto, '整改前-配电箱.jpg');
    expect(before.status).toBe(201);
    expect(before.body).toMatchObject({ kind: 'BEFORE_PHOTO', filename: '整改前-配电箱.jpg', contentType: 'image/jpeg', size: beforePhoto.length, sha256: sha256(beforePhoto) });
    const after = await upload(officer, { kind: 'AFTER_PHOTO' }, afterPhoto, '整改后-配电箱.png', 'image/png');
    expect(after.status).toBe(201);

    // The after photo documents the rectification: cite it in the step that reports the hazard.
    const reported = await officer.data(`mutation($input: ReportHazardInput!) { reportHazard(input: $input) { hazard { id version } } }`, {
      input: { id: hazard.id, version: hazard.version, comment: '已拍照上报', evidence: [after.body.id] },
    });
    hazard = reported.reportHazard.hazard;

    const read = (
      await officer.data(
        `query($id: ID!) { hazard(id: $id) {
          evidence { ${EVIDENCE} } before: evidence(kind: BEFORE_PHOTO) { id } after: evidence(kind: AFTER_PHOTO) { id }
          steps { seq action evidence evidenceFiles { id kind } }
        } }`,
        { id: hazard.id },
      )
    ).hazard;
    expect(read.evidence).toEqual([
      {
        id: before.body.id,
        kind: 'BEFORE_PHOTO',
        filename: '整改前-配电箱.jpg',
        contentType: 'image/jpeg',
        size: beforePhoto.length,
        sha256: sha256(beforePhoto),
        downloadUrl: `/evidence/${before.body.id}`,
        note: '柜门破损，带电部位外露',
        uploadedBy: { id: expect.any(String), name: '张伟' },
        stepSeq: null,
      },
      expect.objectContaining({ id: after.body.id, kind: 'AFTER_PHOTO', contentType: 'image/png', sha256: sha256(afterPhoto), stepSeq: 2 }),
    ]);
    expect(read.before).toEqual([{ id: before.body.id }]);
    expect(read.after).toEqual([{ id: after.body.id }]);
    expect(read.steps[1]).toEqual({ seq: 2, action: 'REPORT', evidence: [after.body.id], evidenceFiles: [{ id: after.body.id, kind: 'AFTER_PHOTO' }] });

    for (const [item, content] of [
      [read.evidence[0], beforePhoto],
      [read.evidence[1], afterPhoto],
    ] as const) {
      const response = await download(officer, item.downloadUrl);
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.equals(content)).toBe(true);
      expect(sha256(bytes)).toBe(item.sha256);
      expect(response.headers.get('x-checksum-sha256')).toBe(item.sha256);
      expect(response.headers.get('etag')).toBe(`"${item.sha256}"`);
      expect(response.headers.get('content-type')).toBe(item.contentType);
      expect(response.headers.get('content-length')).toBe(String(content.length));
      expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(item.filename)}`);
    }
    // The files are on hazard-tracking's disk, one per upload.
    const stored = await readdir(path.join(evidenceDir, 'hazards', hazard.id));
    expect(stored.sort()).toEqual([before.body.id, after.body.id].sort());
  });

  it('refuses the anonymous, another college, disguised files and files too big', async () => {
    expect(await upload(null, { kind: 'BEFORE_PHOTO' }, jpeg(2000), 'a.jpg')).toEqual({
      status: 401,
      body: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED', message: '请先登录 (UNAUTHENTICATED)' },
    });
    const stranger = await upload(otherCollege, { kind: 'BEFORE_PHOTO' }, jpeg(2000), 'a.jpg');
    expect(stranger).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: expect.stringContaining('不在您的管辖范围内') } });
    const [first] = (await officer.data(`query($id: ID!) { hazard(id: $id) { evidence { downloadUrl } } }`, { id: hazard.id })).hazard.evidence;
    const hidden = await download(otherCollege, first.downloadUrl);
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as any).code).toBe('NOT_FOUND');
    expect((await fetch(new URL(first.downloadUrl, gatewayBase))).status).toBe(401);

    const executable = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00', 'latin1'), randomBytes(4000)]);
    const disguised = await upload(officer, { kind: 'BEFORE_PHOTO' }, executable, '现场照片.jpg', 'image/jpeg');
    expect(disguised).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('只接受 JPEG、PNG、WebP') } });
    const text = await upload(officer, { kind: 'AFTER_PHOTO' }, Buffer.from('这不是图片，只是一段文字。'.repeat(20)), '整改后.jpg', 'image/jpeg');
    expect(text.status).toBe(415);
    const tooBig = await upload(officer, { kind: 'AFTER_PHOTO' }, jpeg(MAX_BYTES + 50_000), '超大照片.jpg');
    expect(tooBig).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '文件超过大小上限 256 KiB (PAYLOAD_TOO_LARGE)' } });

    const { evidence } = (await officer.data(`query($id: ID!) { hazard(id: $id) { evidence { id } } }`, { id: hazard.id })).hazard;
    expect(evidence).toHaveLength(2);
  });
});
