import { InvalidTokenError, TokenVerifier } from '@campus/auth';
import { httpError, Reason, REASONS } from '@campus/graphql';
import { bearerToken, gatewayProofHeaders } from '@campus/server';
import { Express, Request, RequestHandler, Response } from 'express';
import http, { IncomingMessage } from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';
import { failureOf } from './subgraph-failures';

/** What bounds a forwarded file transfer: how many at once, how long the subgraph may keep the caller waiting. */
export interface TransferLimits {
  /** Admission control (shedding with 503 when too many transfers run). */
  admit?: RequestHandler;
  /** Longest the subgraph may stay silent — no answer, or no bytes either way — before the transfer fails. */
  idleTimeoutMs?: number;
  /** The Retry-After of an unavailable subgraph's refusal. */
  retryAfterSeconds?: number;
}

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

export interface UploadsOptions {
  /** hazard-tracking's GraphQL URL; its evidence endpoints sit beside it (…/graphql → …/evidence). */
  hazardTrackingUrl: string;
  verifyToken: TokenVerifier;
  /** The proof subgraphs require of the gateway (GATEWAY_SECRET), when configured. */
  gatewaySecret?: string;
  limits?: TransferLimits;
}

export interface EducationDocumentsOptions {
  /** education-drills' GraphQL URL; its document endpoints sit beside it (…/graphql → …/documents). */
  educationDrillsUrl: string;
  verifyToken: TokenVerifier;
  gatewaySecret?: string;
  limits?: TransferLimits;
}

/** One path of the gateway forwarded to a path beside a subgraph's GraphQL URL; `:id` in both is the same id. */
export interface SubgraphFileRoute {
  method: 'get' | 'post';
  /** On the gateway, e.g. /evidence/:id. */
  path: string;
  /** The subgraph's GraphQL URL, e.g. http://127.0.0.1:4002/graphql. */
  subgraphUrl: string;
  /** Relative to the GraphQL URL's directory, e.g. evidence/:id (a prefix in the URL is kept: …/hazard/graphql → …/hazard/evidence/<id>). */
  upstreamPath: string;
  /** Named in the answer when the subgraph cannot be reached, e.g. 隐患服务. */
  serviceLabel: string;
  /** Pass the request's query string on (a download with parameters, e.g. /exports/accountability-list?orgUnitId=…). */
  keepQuery?: boolean;
  /** The proof the subgraph requires (GATEWAY_SECRET), when configured. */
  gatewaySecret?: string;
  limits?: TransferLimits;
}

/** Request headers the subgraph needs besides the token and request id. */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'content-length', 'transfer-encoding', 'if-none-match', 'idempotency-key'];
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
  const subgraph = { subgraphUrl: options.hazardTrackingUrl, serviceLabel: '隐患服务', gatewaySecret: options.gatewaySecret, limits: options.limits };
  forwardToSubgraph(app, { ...subgraph, method: 'post', path: '/uploads/hazard-evidence', upstreamPath: 'evidence' }, options.verifyToken);
  forwardToSubgraph(app, { ...subgraph, method: 'get', path: '/evidence/:id', upstreamPath: 'evidence/:id' }, options.verifyToken);
}

/**
 * Emergency plan revision documents and drill photos and documents, the same way: POST
 * /uploads/education-document (multipart: ownerKind, ownerId, kind, note, then file) and GET
 * /education-documents/<id>, checked and answered by education-drills.
 */
export function mountEducationDocuments(app: Express, options: EducationDocumentsOptions): void {
  const subgraph = { subgraphUrl: options.educationDrillsUrl, serviceLabel: '教育演练服务', gatewaySecret: options.gatewaySecret, limits: options.limits };
  forwardToSubgraph(app, { ...subgraph, method: 'post', path: '/uploads/education-document', upstreamPath: 'documents' }, options.verifyToken);
  forwardToSubgraph(app, { ...subgraph, method: 'get', path: '/education-documents/:id', upstreamPath: 'documents/:id' }, options.verifyToken);
}

export interface SupervisionPhotosOptions {
  /** supervision-appraisal's GraphQL URL; its photo endpoints sit beside it (…/graphql → …/supervision-photos). */
  supervisionAppraisalUrl: string;
  verifyToken: TokenVerifier;
  gatewaySecret?: string;
  limits?: TransferLimits;
}

/**
 * Photos of supervision findings, the same way: POST /uploads/supervision-photo (multipart: findingId, note,
 * then file) and GET /supervision-photos/<id>, checked and answered by supervision-appraisal.
 */
export function mountSupervisionPhotos(app: Express, options: SupervisionPhotosOptions): void {
  const subgraph = { subgraphUrl: options.supervisionAppraisalUrl, serviceLabel: '督导考核服务', gatewaySecret: options.gatewaySecret, limits: options.limits };
  forwardToSubgraph(app, { ...subgraph, method: 'post', path: '/uploads/supervision-photo', upstreamPath: 'supervision-photos' }, options.verifyToken);
  forwardToSubgraph(app, { ...subgraph, method: 'get', path: '/supervision-photos/:id', upstreamPath: 'supervision-photos/:id' }, options.verifyToken);
  // Attachments of periodic report submissions (周安排、月调度、季报告): multipart submissionId, note, then file.
  forwardToSubgraph(app, { ...subgraph, method: 'post', path: '/uploads/periodic-report-attachment', upstreamPath: 'periodic-report-attachments' }, options.verifyToken);
  forwardToSubgraph(app, { ...subgraph, method: 'get', path: '/periodic-report-attachments/:id', upstreamPath: 'periodic-report-attachments/:id' }, options.verifyToken);
}

/**
 * Forwards one upload or download path of the gateway to a subgraph, streamed both ways, never held in
 * memory: the token is checked here as for GraphQL, then the subgraph checks it again with scope and role
 * and answers; its answer (or JSON { code, message }) is passed back.
 */
export function forwardToSubgraph(app: Express, route: SubgraphFileRoute, verifyToken: TokenVerifier): void {
  const base = new URL(route.upstreamPath.replace(/\/?:id$/, ''), route.subgraphUrl);
  const admit: RequestHandler[] = route.limits?.admit ? [route.limits.admit] : [];
  app[route.method](route.path, ...admit, (req: Request, res: Response) => {
    const target = route.upstreamPath.endsWith(':id') ? new URL(`${base.pathname}/${encodeURIComponent(String(req.params.id))}`, base) : new URL(base);
    if (route.keepQuery) target.search = new URL(req.originalUrl, 'http://gateway').search;
    void forward(req, res, target, verifyToken, route);
  });
}

async function forward(req: Request, res: Response, target: URL, verifyToken: TokenVerifier, route: SubgraphFileRoute): Promise<void> {
  const token = bearerToken(req.header('authorization'));
  if (!token) return refuse(req, res, 'SIGN_IN_REQUIRED');
  try {
    await verifyToken(token);
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) req.log.error({ err: error }, 'token verification failed');
    return refuse(req, res, 'TOKEN_INVALID');
  }
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'x-request-id': req.requestId, ...gatewayProofHeaders(route.gatewaySecret) };
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const upstream = (target.protocol === 'https:' ? https : http).request(target, { method: req.method, headers });
  // A subgraph that takes the connection and then says nothing (stuck, or its machine starved) would otherwise
  // hold the caller, and the slot, for as long as the caller waits: no answer or no bytes for this long ends it.
  upstream.setTimeout(route.limits?.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS, () => upstream.destroy(new TransferTimeout()));
  let answered = false;
  upstream.on('response', (answer: IncomingMessage) => {
    answered = true;
    res.status(answer.statusCode ?? 502);
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = answer.headers[name];
      if (value !== undefined) res.setHeader(name, value);
    }
    // An answer before the whole upload arrived (413): the rest of the body is never read, so the caller's
    // connection cannot carry another request; closing it keeps a keep-alive client from waiting on it.
    if (!req.complete) res.setHeader('connection', 'close');
    pipeline(answer, res).catch((error) => req.log.warn({ err: error }, 'file response interrupted'));
  });
  upstream.on('error', (error) => {
    // Once the subgraph has answered (e.g. 413 before the whole upload arrived) the rest of the request no longer
    // matters; an answer cut short ends the caller's response through the pipeline.
    if (answered) return;
    req.log.error({ err: error, target: target.href }, 'subgraph unreachable for a file');
    refuseUnreachable(req, res, route, error);
  });
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

class TransferTimeout extends Error {
  override name = 'TimeoutError';
}

/**
 * The subgraph could not be reached or did not answer in time: a download, or an upload that never reached it,
 * may be sent again (503, Retry-After); an upload whose connection broke after it was sent may have been stored.
 */
function refuseUnreachable(req: Request, res: Response, route: SubgraphFileRoute, error: Error): void {
  const lost = failureOf(error) !== 'never-sent';
  if (req.method === 'POST' && lost) {
    return refuse(req, res, 'OUTCOME_UNKNOWN', `${route.serviceLabel}连接中断，${REASONS.OUTCOME_UNKNOWN.message}`, { status: 502, code: 'OUTCOME_UNKNOWN' });
  }
  res.setHeader('retry-after', String(route.limits?.retryAfterSeconds ?? 1));
  refuse(req, res, 'SUBGRAPH_UNAVAILABLE', `${route.serviceLabel}暂时不可用（可能正在重启），请稍后重试`, { status: 503, code: 'SERVICE_UNAVAILABLE' });
}

/** Answers with the catalogue's status and code for the reason, unless `as` says otherwise (an unreachable upstream). */
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
