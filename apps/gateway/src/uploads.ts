import { InvalidTokenError, TokenVerifier } from '@campus/auth';
import { httpError, Reason } from '@campus/graphql';
import { bearerToken } from '@campus/server';
import { Express, Request, Response } from 'express';
import http, { IncomingMessage } from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';

export interface UploadsOptions {
  /** hazard-tracking's GraphQL URL; its evidence endpoints sit beside it (…/graphql → …/evidence). */
  hazardTrackingUrl: string;
  verifyToken: TokenVerifier;
}

/** Request headers hazard-tracking needs besides the token and request id. */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'content-length', 'transfer-encoding', 'if-none-match'];
/** Response headers passed back to the caller. */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'etag',
  'x-checksum-sha256',
  'cache-control',
  'x-content-type-options',
];

/**
 * Evidence files through the gateway, streamed both ways, never held in memory:
 * POST /uploads/hazard-evidence (multipart: hazardId, kind, note, then file) and GET /evidence/<id>.
 * The gateway checks the token as it does for GraphQL; hazard-tracking checks it again with scope and
 * role, the file's type and size, and answers; its answer (or JSON { code, message }) is passed back.
 */
export function mountUploads(app: Express, options: UploadsOptions): void {
  const evidence = new URL('evidence', options.hazardTrackingUrl);
  app.post('/uploads/hazard-evidence', (req: Request, res: Response) => {
    void forward(req, res, evidence, options.verifyToken);
  });
  app.get('/evidence/:id', (req: Request, res: Response) => {
    void forward(req, res, new URL(`${evidence.pathname}/${encodeURIComponent(String(req.params.id))}`, evidence), options.verifyToken);
  });
}

async function forward(req: Request, res: Response, target: URL, verifyToken: TokenVerifier): Promise<void> {
  const token = bearerToken(req.header('authorization'));
  if (!token) return refuse(req, res, 'SIGN_IN_REQUIRED');
  try {
    await verifyToken(token);
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) req.log.error({ err: error }, 'token verification failed');
    return refuse(req, res, 'TOKEN_INVALID');
  }
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'x-request-id': req.requestId };
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const upstream = (target.protocol === 'https:' ? https : http).request(target, { method: req.method, headers });
  let answered = false;
  upstream.on('response', (answer: IncomingMessage) => {
    answered = true;
    res.status(answer.statusCode ?? 502);
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = answer.headers[name];
      if (value !== undefined) res.setHeader(name, value);
    }
    pipeline(answer, res).catch((error) => req.log.warn({ err: error }, 'evidence response interrupted'));
  });
  upstream.on('error', (error) => {
    // Once hazard-tracking has answered (e.g. 413 before the whole upload arrived) the rest of the request no longer matters.
    if (answered) return;
    req.log.error({ err: error, target: target.href }, 'hazard-tracking unreachable for evidence');
    refuse(req, res, 'SERVICE_UNAVAILABLE', '隐患服务暂时不可用，请稍后重试', { status: 502, code: 'BAD_GATEWAY' });
  });
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

/** Answers with the catalogue's status and code for the reason, unless `as` says otherwise (502 for an unreachable upstream). */
function refuse(req: Request, res: Response, reason: Reason, message?: string, as?: { status: number; code: string }): void {
  req.unpipe();
  req.resume();
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const refusal = httpError(reason, message);
  if (!as) {
    res.status(refusal.status).json(refusal.body);
    return;
  }
  res.status(as.status).json({ code: as.code, reason, message: `${message ?? reason} (${as.code})` });
}
