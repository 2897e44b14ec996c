import { GraphQLClient } from '@campus/testing';
import { crc32, deflateSync } from 'node:zlib';
import type { EducationDemoContext } from './demo-education';

/**
 * The demo's documents, uploaded through the gateway as a browser would: 安全保卫处's dormitory fire
 * evacuation plan approved with its approved text (PDF) on revision 1 (a plan of its own, so the colleges'
 * plan counts stay as the other demo sections describe them), and a photo of 信息工程学院's held drill.
 */
export async function seedDemoEducationDocuments(context: EducationDemoContext, heldDrillId: string): Promise<void> {
  const office = context.clients['safety.office'];
  const created = await office.data<{ createEmergencyPlan: { emergencyPlan: { id: string; version: number } } }>(
    'mutation($input: CreateEmergencyPlanInput!) { createEmergencyPlan(input: $input) { emergencyPlan { id version } } }',
    {
      input: {
        orgUnitId: context.unitIds['XDZY-BWC'],
        title: '学生宿舍火灾应急疏散预案',
        type: 'SPECIAL',
        scenarioTypes: ['FIRE'],
        versionLabel: '2026版',
        reviewDate: `${new Date().getFullYear() + 1}-09-01`,
      },
    },
  );
  const plan = created.createEmergencyPlan.emergencyPlan;
  const approved = await office.data<{ updateEmergencyPlan: { emergencyPlan: { currentRevision: { id: string } } } }>(
    'mutation($input: UpdateEmergencyPlanInput!) { updateEmergencyPlan(input: $input) { emergencyPlan { currentRevision { id } } } }',
    { input: { id: plan.id, version: plan.version, status: 'APPROVED' } },
  );
  const revisionId = approved.updateEmergencyPlan.emergencyPlan.currentRevision.id;
  const pdf = demoPdf(['Dormitory fire evacuation plan', 'Campus Security Office, 2026 edition', 'Approved copy (demo)']);
  const revisionFields = { ownerKind: 'PLAN_REVISION', ownerId: revisionId, kind: 'DOCUMENT', note: '批准稿（盖章扫描件）' };
  await uploadDocument(office, revisionFields, pdf, '学生宿舍火灾应急疏散预案（2026版）.pdf', 'application/pdf');
  const photoFields = { ownerKind: 'DRILL', ownerId: heldDrillId, kind: 'PHOTO', note: '师生经西侧楼梯疏散至北操场' };
  await uploadDocument(context.clients['xx.officer'], photoFields, demoPng(160, 120), '疏散集合现场.png', 'image/png');
  context.log('demo: an approved plan revision with its PDF, a photo of the held drill');
}

async function uploadDocument(client: GraphQLClient, fields: Record<string, string>, content: Buffer, filename: string, type: string): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([content], { type }), filename);
  const response = await fetch(new URL('/uploads/education-document', client.url), { method: 'POST', body: form, headers: { authorization: `Bearer ${client.token}` } });
  if (response.status !== 201) throw new Error(`demo: upload of ${filename} failed: ${response.status} ${await response.text()}`);
}

/** A one-page PDF showing the lines (ASCII, Helvetica), with a correct cross-reference table. */
export function demoPdf(lines: string[]): Buffer {
  const text = lines.map((line, index) => `BT /F1 16 Tf 72 ${760 - index * 28} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** An RGB PNG of a sky-to-field gradient: a stand-in photo any viewer shows. */
export function demoPng(width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    const field = y > height * 0.6;
    for (let x = 0; x < width; x += 1) {
      const shade = Math.round((255 * x) / width);
      row.set(field ? [60, 140 + (shade >> 3), 60] : [120 + (shade >> 2), 170, 230], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
