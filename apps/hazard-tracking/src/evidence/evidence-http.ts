import { TokenVerifier } from '@campus/auth';
import { answerUpload, badUpload, callerOfRequest, receiveFileAs, sendFileError, sendStoredFile } from '@campus/files';
import { Express, Request, Response } from 'express';
import { isEvidenceKind } from './evidence-enums';
import { EvidenceService, EvidenceUpload } from './evidence.service';

/**
 * The evidence endpoints of hazard-tracking, reached through the gateway with the caller's token:
 * POST /evidence (multipart: fields hazardId, kind, note, then the part `file`; an optional header
 * Idempotency-Key makes a retried upload answer the first one's record) and GET /evidence/<id>.
 * Errors are JSON { code, message } with the message in Chinese and the code beside.
 */
export function mountEvidenceRoutes(app: Express, service: EvidenceService, verifyToken: TokenVerifier): void {
  app.post('/evidence', (req: Request, res: Response) =>
    answerUpload(req, res, async () => {
      const caller = await callerOfRequest(req, verifyToken);
      const clientRequestId = req.get('idempotency-key') ?? null;
      return receiveFileAs(req, caller, (fields, file, filename) => service.upload(caller, { ...uploadOf(fields, filename), clientRequestId }, file));
    }),
  );

  app.get('/evidence/:id', async (req: Request, res: Response) => {
    try {
      const evidence = await service.find(await callerOfRequest(req, verifyToken), String(req.params.id));
      await sendStoredFile(req, res, evidence, () => service.open(evidence));
    } catch (error) {
      sendFileError(res, error, req.log);
    }
  });
}

function uploadOf(fields: Record<string, string>, filename: string | undefined): EvidenceUpload {
  const hazardId = fields.hazardId?.trim();
  if (!hazardId) throw badUpload('缺少隐患 ID（表单字段 hazardId，须在文件之前）');
  const kind = fields.kind?.trim();
  if (!isEvidenceKind(kind)) throw badUpload('类别（表单字段 kind）应为 BEFORE_PHOTO（整改前照片）、AFTER_PHOTO（整改后照片）或 DOCUMENT（文件）');
  const note = fields.note?.trim() || null;
  if (note && note.length > 500) throw badUpload('说明最多 500 个字符');
  return { hazardId, kind, note, filename };
}
