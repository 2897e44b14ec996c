import { TokenVerifier } from '@campus/auth';
import { answerUpload, badUpload, callerOfRequest, receiveFileAs, sendFileError, sendStoredFile } from '@campus/files';
import { Express, Request, Response } from 'express';
import { PhotoUpload, SupervisionPhotos } from './supervision-photos';

/**
 * The photo endpoints of supervision-appraisal, reached through the gateway (POST /uploads/supervision-photo,
 * GET /supervision-photos/<id>) with the caller's token: POST /supervision-photos (multipart: fields findingId,
 * note, then the part `file`) and GET /supervision-photos/<id>. Errors are JSON { code, reason, message }.
 */
export function mountSupervisionPhotoRoutes(app: Express, photos: SupervisionPhotos, verifyToken: TokenVerifier): void {
  app.post('/supervision-photos', (req: Request, res: Response) =>
    answerUpload(req, res, async () => {
      const caller = await callerOfRequest(req, verifyToken);
      return receiveFileAs(req, caller, (fields, file, filename) => photos.upload(caller, uploadOf(fields, filename), file));
    }),
  );

  app.get('/supervision-photos/:id', async (req: Request, res: Response) => {
    try {
      const photo = await photos.find(await callerOfRequest(req, verifyToken), String(req.params.id));
      await sendStoredFile(req, res, photo, () => photos.open(photo));
    } catch (error) {
      sendFileError(res, error, req.log);
    }
  });
}

function uploadOf(fields: Record<string, string>, filename: string | undefined): PhotoUpload {
  const findingId = fields.findingId?.trim();
  if (!findingId) throw badUpload('缺少问题的 ID（表单字段 findingId，须在文件之前）');
  const note = fields.note?.trim() || null;
  if (note && note.length > 500) throw badUpload('说明最多 500 个字符');
  return { findingId, note, filename };
}
