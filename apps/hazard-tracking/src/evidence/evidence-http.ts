import { InvalidTokenError, TokenVerifier } from '@campus/auth';
import { Caller, DomainError, httpError, httpErrorOfDomain, LoaderRegistry, UnauthenticatedError } from '@campus/graphql';
import type { Logger } from '@campus/logger';
import { bearerToken } from '@campus/server';
import Busboy from 'busboy';
import { Express, Request, Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isEvidenceKind } from './evidence-enums';
import { badUpload, UploadRefusedError, unsupportedType } from './evidence-errors';
import { EvidenceService, EvidenceUpload } from './evidence.service';

/**
 * The evidence endpoints of hazard-tracking, reached through the gateway with the caller's token:
 * POST /evidence (multipart: fields hazardId, kind, note, then the part `file`) and GET /evidence/<id>.
 * Errors are JSON { code, message } with the message in Chinese and the code beside.
 */
export function mountEvidenceRoutes(app: Express, service: EvidenceService, verifyToken: TokenVerifier): void {
  app.post('/evidence', async (req: Request, res: Response) => {
    try {
      const caller = await callerOf(req, verifyToken);
      const evidence = await receiveFile(req, (fields, file, filename) => service.upload(caller, uploadOf(fields, filename), file));
      res.status(201).json(evidence);
    } catch (error) {
      // Whatever the client still sends is read and dropped, so it gets the answer rather than a reset.
      req.unpipe();
      req.resume();
      sendError(res, error, req.log);
    }
  });

  app.get('/evidence/:id', async (req: Request, res: Response) => {
    try {
      const evidence = await service.find(await callerOf(req, verifyToken), String(req.params.id));
      const etag = `"${evidence.sha256}"`;
      res.setHeader('etag', etag);
      res.setHeader('cache-control', 'private, max-age=31536000, immutable');
      if (req.header('if-none-match') === etag) {
        res.status(304).end();
        return;
      }
      const file = await service.open(evidence);
      res.setHeader('content-type', evidence.contentType);
      res.setHeader('content-length', String(file.size));
      res.setHeader('content-disposition', contentDisposition(evidence.filename));
      res.setHeader('x-checksum-sha256', evidence.sha256);
      res.setHeader('x-content-type-options', 'nosniff');
      await pipeline(file.stream, res);
    } catch (error) {
      sendError(res, error, req.log);
    }
  });
}

/** Who is asking, from the bearer token, as the services take it. */
async function callerOf(req: Request, verifyToken: TokenVerifier): Promise<Caller> {
  const token = bearerToken(req.header('authorization'));
  if (!token) throw new UnauthenticatedError();
  try {
    return { viewer: await verifyToken(token), token, requestId: req.requestId, loaders: new LoaderRegistry() };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UnauthenticatedError(undefined, 'TOKEN_INVALID');
    throw error;
  }
}

/**
 * Parses the multipart body and hands the first part named `file` to the handler with the fields sent
 * before it (they must come first: the hazard is checked before the file is read). Settles with the
 * handler's result; fails when the body has no file.
 */
function receiveFile<T>(req: Request, handle: (fields: Record<string, string>, file: Readable, filename?: string) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 10, fieldSize: 2000, parts: 12 } });
    } catch {
      reject(unsupportedType('请以 multipart/form-data 上传文件'));
      return;
    }
    const fields: Record<string, string> = {};
    let handled = false;
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, file, info) => {
      if (name !== 'file' || handled) {
        file.resume();
        return;
      }
      handled = true;
      const sentBefore = { ...fields };
      Promise.resolve()
        .then(() => handle(sentBefore, file, info.filename))
        .then(resolve, reject);
    });
    parser.on('error', (error) => reject(badUpload(`上传内容无法解析：${(error as Error).message}`)));
    parser.on('close', () => {
      if (!handled) reject(badUpload('缺少文件（表单字段 file）'));
    });
    req.pipe(parser);
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

/** attachment, with an ASCII fallback name and the real one in UTF-8 (RFC 6266). */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function sendError(res: Response, error: unknown, log: Logger): void {
  if (res.headersSent) {
    log.warn({ err: error }, 'evidence download interrupted');
    res.destroy();
    return;
  }
  if (error instanceof UploadRefusedError) {
    res.status(error.status).json({ code: error.code, reason: error.reason, message: error.message });
    return;
  }
  const refusal = error instanceof DomainError ? httpErrorOfDomain(error) : httpError('INTERNAL');
  if (refusal.status >= 500) log.error({ err: error }, 'evidence request failed');
  res.status(refusal.status).json(refusal.body);
}
