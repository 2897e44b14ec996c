import { TokenVerifier } from '@campus/auth';
import { answerUpload, badUpload, callerOfRequest, receiveFileAs, sendFileError, sendStoredFile } from '@campus/files';
import { Express, Request, Response } from 'express';
import { EducationDocumentKind, EducationDocumentOwnerKind, isDocumentKind, isOwnerKind } from './document-enums';
import { DocumentService, DocumentUpload } from './document.service';

/**
 * The document endpoints of education-drills, reached through the gateway with the caller's token:
 * POST /documents (multipart: fields ownerKind, ownerId, kind, note, then the part `file`) and
 * GET /documents/<id>. Errors are JSON { code, reason, message } with the message in Chinese.
 */
export function mountDocumentRoutes(app: Express, service: DocumentService, verifyToken: TokenVerifier): void {
  app.post('/documents', (req: Request, res: Response) =>
    answerUpload(req, res, async () => {
      const caller = await callerOfRequest(req, verifyToken);
      return receiveFileAs(req, caller, (fields, file, filename) => service.upload(caller, uploadOf(fields, filename), file));
    }),
  );

  app.get('/documents/:id', async (req: Request, res: Response) => {
    try {
      const document = await service.find(await callerOfRequest(req, verifyToken), String(req.params.id));
      await sendStoredFile(req, res, document, () => service.open(document));
    } catch (error) {
      sendFileError(res, error, req.log);
    }
  });
}

function uploadOf(fields: Record<string, string>, filename: string | undefined): DocumentUpload {
  const ownerKind = fields.ownerKind?.trim();
  if (!isOwnerKind(ownerKind)) throw badUpload('所属（表单字段 ownerKind，须在文件之前）应为 PLAN_REVISION（应急预案修订）或 DRILL（应急演练）');
  const ownerId = fields.ownerId?.trim();
  if (!ownerId) throw badUpload('缺少所属修订或演练的 ID（表单字段 ownerId，须在文件之前）');
  const kind = fields.kind?.trim() || 'DOCUMENT';
  if (!isDocumentKind(kind)) throw badUpload('类别（表单字段 kind）应为 DOCUMENT（文件）或 PHOTO（照片）');
  if (ownerKind === EducationDocumentOwnerKind.PLAN_REVISION && kind === EducationDocumentKind.PHOTO) throw badUpload('应急预案修订只上传文件（kind 为 DOCUMENT）');
  const note = fields.note?.trim() || null;
  if (note && note.length > 500) throw badUpload('说明最多 500 个字符');
  return { ownerKind, ownerId, kind, note, filename };
}
