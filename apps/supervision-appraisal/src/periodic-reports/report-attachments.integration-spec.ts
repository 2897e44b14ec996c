import { createTokenVerifier, signToken, Viewer } from '@campus/auth';
import { DiskStore, samplePdf } from '@campus/files';
import { createLogger } from '@campus/logger';
import { createHttpApp, listen } from '@campus/server';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { OPS, PeriodicReportTestBed, startPeriodicReportTestBed, VIEWERS } from './periodic-report-testing';
import { mountReportAttachmentRoutes, ReportAttachments } from './report-attachments';

const SECRET = 'periodic-report-attachments-secret-0123456789';
const { schoolOffice, officerA, officerB, teacherA, otherCounty } = VIEWERS;

describe('supervision-appraisal: periodic report attachments over HTTP (integration)', () => {
  let bed: PeriodicReportTestBed;
  let server: http.Server;
  let baseUrl: string;
  let storeDir: string;
  let submission: { id: string; version: number };

  const token = (viewer: Viewer) => signToken({ accountId: viewer.accountId, personId: viewer.personId, grants: [...viewer.grants] }, SECRET, 600);
  async function upload(viewer: Viewer, fields: Record<string, string>, content: Buffer, filename: string) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([content], { type: 'application/octet-stream' }), filename);
    const response = await fetch(`${baseUrl}/periodic-report-attachments`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await token(viewer)}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const download = async (viewer: Viewer, id: string) => fetch(`${baseUrl}/periodic-report-attachments/${id}`, { headers: { authorization: `Bearer ${await token(viewer)}` } });

  beforeAll(async () => {
    bed = await startPeriodicReportTestBed('periodic_attachments', new Date('2026-12-07T02:00:00Z'));
    storeDir = await mkdtemp(path.join(os.tmpdir(), 'periodic-report-attachments-'));
    const app = createHttpApp(createLogger('test', 'silent'), async () => undefined);
    mountReportAttachmentRoutes(app, new ReportAttachments(bed.db.dataSource, new DiskStore(storeDir), 64 * 1024), createTokenVerifier({ jwtSecret: SECRET }));
    server = http.createServer(app);
    await listen(server, 0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const template = (await bed.runner.data(schoolOffice, OPS.create, { input: { orgUnitId: 'school', title: '月调度', cadence: 'MONTHLY', targetKinds: ['COLLEGE'] } }))
      .createPeriodicReportTemplate.template;
    submission = (await bed.runner.data(officerA, OPS.submit, { input: { templateId: template.id, orgUnitId: 'collegea', periodKey: '2026-12', content: '本月情况见附件' } }))
      .submitPeriodicReport.submission;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await bed?.db.drop();
    if (storeDir) await rm(storeDir, { recursive: true, force: true });
  });

  it('attaches a file to the current revision, shown on the submission and downloaded by the unit and the issuer only', async () => {
    const pdf = samplePdf();
    const uploaded = await upload(officerA, { submissionId: submission.id, note: '月调度表' }, pdf, '12月调度.pdf');
    expect(uploaded).toMatchObject({ status: 201, body: { filename: '12月调度.pdf', contentType: 'application/pdf', note: '月调度表', revision: 1 } });
    const shown = await bed.runner.data(teacherA, 'query($id: ID!) { periodicReportSubmission(id: $id) { attachments { id filename revision downloadUrl uploadedBy { id } } } }', { id: submission.id });
    expect(shown.periodicReportSubmission.attachments).toEqual([
      { id: uploaded.body.id, filename: '12月调度.pdf', revision: 1, downloadUrl: `/periodic-report-attachments/${uploaded.body.id}`, uploadedBy: { id: 'p-officer-a' } },
    ]);
    for (const viewer of [schoolOffice, teacherA]) {
      const response = await download(viewer, String(uploaded.body.id));
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe(`"${createHash('sha256').update(pdf).digest('hex')}"`);
    }
    for (const viewer of [officerB, otherCounty]) {
      expect(await (await download(viewer, String(uploaded.body.id))).json()).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    }
  });

  it('refuses staff, other units, a missing submission id, other file types and files once the submission is acknowledged', async () => {
    expect(await upload(teacherA, { submissionId: submission.id }, samplePdf(), 'a.pdf')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' } });
    expect(await upload(officerB, { submissionId: submission.id }, samplePdf(), 'a.pdf')).toMatchObject({ status: 404, body: { reason: 'NOT_FOUND' } });
    expect(await upload(officerA, {}, samplePdf(), 'a.pdf')).toMatchObject({ status: 400, body: { reason: 'INVALID_INPUT' } });
    expect(await upload(officerA, { submissionId: submission.id }, Buffer.from('#!/bin/sh\necho hi\n'), 'a.sh')).toMatchObject({ status: 415, body: { reason: 'FILE_TYPE_REFUSED' } });
    const current = (await bed.runner.data(officerA, OPS.submission, { id: submission.id })).periodicReportSubmission;
    await bed.runner.data(schoolOffice, OPS.acknowledge, { input: { id: submission.id, version: current.version } });
    expect(await upload(officerA, { submissionId: submission.id }, samplePdf(), 'late.pdf')).toMatchObject({ status: 409, body: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' } });
    const [{ total }] = await bed.db.dataSource.query('SELECT COUNT(*) AS total FROM periodic_report_attachment');
    expect(Number(total)).toBe(1);
  });
});
