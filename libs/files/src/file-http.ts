import { InvalidTokenError, TokenVerifier } from '@campus/auth';
import { Caller, DomainError, httpError, httpErrorOfDomain, LoaderRegistry, UnauthenticatedError } from '@campus/graphql';
import type { Logger } from '@campus/logger';
import { actorOf, bearerToken, withAuditActor } from '@campus/server';
import Busboy from 'busboy';
import { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StoredFile } from './file-store';
import { badUpload, UploadRefusedError, unsupportedType } from './upload-errors';

/** Who is asking, from the bearer token, as the services take it. */
export async function callerOfRequest(req: Request, verifyToken: TokenVerifier): Promise<Caller> {
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
 * before it (they must come first: what the file is added to is checked before the file is read).
 * Settles with the handler's result; fails when the body has no file.
 */
export function receiveFile<T>(req: Request, handle: (fields: Record<string, string>, file: Readable, filename?: string) => Promise<T>): Promise<T> {
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

/** Answers 201 with what the upload handler returns, or the refusal; an unread rest of the body is drained. */
export async function answerUpload(req: Request, res: Response, upload: () => Promise<unknown>): Promise<void> {
  try {
    res.status(201).json(await upload());
  } catch (error) {
    // Whatever the client still sends is read and dropped, so it gets the answer rather than a reset.
    req.unpipe();
    req.resume();
    sendFileError(res, error, req.log);
  }
}

/**
 * receiveFile as the caller: what the upload writes reaches the audit trail with who made it, the route as the
 * operation (GraphQL mutations get theirs from the kit). The handler runs in busboy's file event, outside the
 * request's async context, so the actor is set around the handler itself.
 */
export function receiveFileAs<T>(
  req: Request,
  caller: Caller,
  handle: (fields: Record<string, string>, file: Readable, filename?: string) => Promise<T>,
): Promise<T> {
  const actor = actorOf(caller.viewer, `${req.method} ${req.path}`, caller.requestId ?? null);
  return receiveFile(req, (fields, file, filename) => withAuditActor(actor, () => handle(fields, file, filename)));
}

/** What a download answers with besides the bytes. */
export interface FileRecord {
  filename: string;
  contentType: string;
  sha256: string;
}

/**
 * Streams a stored file: immutable, its SHA-256 as ETag (304 when the client has it), as an attachment
 * with its name; the record is found (and the caller checked) before, the file opened only when needed.
 */
export async function sendStoredFile(req: Request, res: Response, record: FileRecord, open: () => Promise<StoredFile>): Promise<void> {
  const etag = `"${record.sha256}"`;
  res.setHeader('etag', etag);
  res.setHeader('cache-control', 'private, max-age=31536000, immutable');
  if (req.header('if-none-match') === etag) {
    res.status(304).end();
    return;
  }
  const file = await open();
  res.setHeader('content-type', record.contentType);
  res.setHeader('content-length', String(file.size));
  res.setHeader('content-disposition', contentDisposition(record.filename));
  res.setHeader('x-checksum-sha256', record.sha256);
  res.setHeader('x-content-type-options', 'nosniff');
  await pipeline(file.stream, res);
}

/** attachment, with an ASCII fallback name and the real one in UTF-8 (RFC 6266). */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** JSON { code, reason, message } with the refusal's status; a download already under way is cut off. */
export function sendFileError(res: Response, error: unknown, log: Logger): void {
  if (res.headersSent) {
    log.warn({ err: error }, 'file download interrupted');
    res.destroy();
    return;
  }
  if (error instanceof UploadRefusedError) {
    res.status(error.status).json({ code: error.code, reason: error.reason, message: error.message });
    return;
  }
  const refusal = error instanceof DomainError ? httpErrorOfDomain(error) : httpError('INTERNAL');
  if (refusal.status >= 500) log.error({ err: error }, 'file request failed');
  res.status(refusal.status).json(refusal.body);
}
