import { createTokenVerifier, signToken, Viewer } from '@campus/auth';
import { DiskStore, samplePdf, sampleJpeg } from '@campus/files';
import { createLogger } from '@campus/logger';
import { createHttpApp, listen } from '@campus/server';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findingInput, OPS, planInput, startSupervisionTestBed, SupervisionTestBed, VIEWERS } from './supervision-testing';
import { mountSupervisionPhotos } from './supervisions.module';

const SECRET = 'supervision-photos-secret-0123456789abcdef';
const { schoolOffice, inspector, officerA, officerB, schoolStaff, otherCounty } = VIEWERS;

describe('supervision-appraisal: finding photos over HTTP (integration)', () => {
  let bed: SupervisionTestBed;
  let server: http.Server;
  let baseUrl: string;
  let storeDir: string;
  let supervision: { id: string; version: number };
  let findingId: string;

  const token = (viewer: Viewer) => signToken({ accountId: viewer.accountId, personId: viewer.personId, grants: [...viewer.grants] }, SECRET, 600);
  async function upload(viewer: Viewer, fields: Record<string, string>, content: Buffer, filename: string) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([content], { type: 'application/octet-stream' }), filename);
    const response = await fetch(`${baseUrl}/supervision-photos`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await token(viewer)}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const download = async (viewer: Viewer, id: string) => fetch(`${baseUrl}/supervision-photos/${id}`, { headers: { authorization: `Bearer ${await token(viewer)}` } });

  beforeAll(async () => {
    bed = await startSupervisionTestBed('supervision_photos');
    storeDir = await mkdtemp(path.join(os.tmpdir(), 'supervision-photos-'));
    const app = createHttpApp(createLogger('test', 'silent'), async () => undefined);
    mountSupervisionPhotos(app, { dataSource: bed.db.dataSource, verifyToken: createTokenVerifier({ jwtSecret: SECRET }) }, { maxBytes: 64 * 1024, createStore: () => new DiskStore(storeDir) });
    server = http.createServer(app);
    await listen(server, 0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const planned = (await bed.runner.data(schoolOffice, OPS.plan, { input: planInput() })).planSupervision.supervision;
    supervision = (await bed.runner.data(schoolOffice, OPS.start, { input: { id: planned.id, version: planned.version } })).startSupervision.supervision;
    findingId = (await bed.runner.data(inspector, OPS.record, { input: findingInput(planned.id) })).recordSupervisionFinding.finding.id;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await bed?.db.drop();
    if (storeDir) await rm(storeDir, { recursive: true, force: true });
  });

  it('stores an inspector’s photo of a finding, shown on the finding and downloaded by the organiser and the inspected unit only', async () => {
    const photo = sampleJpeg(4096);
    const uploaded = await upload(inspector, { findingId, note: '配电箱门敞开' }, photo, '现场.jpg');
    expect(uploaded).toMatchObject({ status: 201, body: { filename: '现场.jpg', contentType: 'image/jpeg', size: 4096, note: '配电箱门敞开' } });
    const sha256 = createHash('sha256').update(photo).digest('hex');
    expect(uploaded.body.sha256).toBe(sha256);

    const shown = await bed.runner.data(officerA, `query($id: ID!) { supervision(id: $id) { findings { photos { id filename downloadUrl uploadedBy { id } } } } }`, { id: supervision.id });
    expect(shown.supervision.findings[0].photos).toEqual([
      { id: uploaded.body.id, filename: '现场.jpg', downloadUrl: `/supervision-photos/${uploaded.body.id}`, uploadedBy: { id: 'p-inspector' } },
    ]);
    for (const viewer of [schoolOffice, officerA]) {
      const response = await download(viewer, String(uploaded.body.id));
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe(`"${sha256}"`);
      expect(Buffer.from(await response.arrayBuffer()).equals(photo)).toBe(true);
    }
    for (const viewer of [officerB, otherCounty]) {
      const response = await download(viewer, String(uploaded.body.id));
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    }
  });

  it('refuses staff, other counties, files that are not photos and photos of a closed inspection', async () => {
    expect(await upload(schoolStaff, { findingId }, sampleJpeg(), 'a.jpg')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' } });
    expect(await upload(otherCounty, { findingId }, sampleJpeg(), 'a.jpg')).toMatchObject({ status: 404, body: { reason: 'NOT_FOUND' } });
    expect(await upload(inspector, { findingId }, samplePdf(), 'a.pdf')).toMatchObject({ status: 415, body: { reason: 'FILE_TYPE_REFUSED' } });
    expect(await upload(inspector, {}, sampleJpeg(), 'a.jpg')).toMatchObject({ status: 400, body: { reason: 'INVALID_INPUT' } });

    const reported = (await bed.runner.data(schoolOffice, OPS.report, { input: { id: supervision.id, version: supervision.version, summary: '已检查完毕' } })).reportSupervision.supervision;
    await bed.runner.data(schoolOffice, OPS.close, { input: { id: supervision.id, version: reported.version } });
    expect(await upload(inspector, { findingId }, sampleJpeg(), 'late.jpg')).toMatchObject({ status: 409, body: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' } });
    const [{ total }] = await bed.db.dataSource.query('SELECT COUNT(*) AS total FROM supervision_photo');
    expect(Number(total)).toBe(1);
  });
});
