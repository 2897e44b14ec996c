import { runWithTraceId, type Logger, type TraceScope } from '@campus/logger';
import express, { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import http from 'node:http';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      requestId: string;
      log: Logger;
      traceScope?: TraceScope;
    }
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Express app with request ids (taken from x-request-id or made), a JSON log line per request, health endpoints. */
/** Parts of a process beyond what readiness requires, and whether each is working yet (e.g. events: consuming). */
export type ReadinessParts = Record<string, string>;

/**
 * `readiness` throws while the process cannot serve its API; otherwise it may name the state of parts that
 * catch up in the background, shown in /readyz's answer.
 */
export function createHttpApp(logger: Logger, readiness: () => Promise<ReadinessParts | void>): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // res.send would hash every GraphQL answer for an ETag no POST uses; file downloads set their own.
  app.set('etag', false);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    req.requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.log = logger.child({ requestId: req.requestId });
    res.setHeader('x-request-id', req.requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const path = req.originalUrl.split('?')[0];
      if (path === '/healthz' || path === '/readyz') return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const sql = req.traceScope?.sqlStatements;
      req.log.info({ method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10, sql }, 'request');
    });
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (req, res) => {
    try {
      const parts = await readiness();
      res.json({ status: 'ready', ...(parts ? { parts } : {}) });
    } catch (error) {
      req.log.warn({ err: error }, 'not ready');
      res.status(503).json({ status: 'not ready' });
    }
  });
  return app;
}

/**
 * Keeps idle connections longer than the gateway's and proxies' pools do (Node closes them after 5 s by
 * default): a client reusing a socket the server has just closed gets "socket hang up" instead of an answer.
 * The answers advertise `Keep-Alive: timeout=65`; undici (the gateway's fetch) keeps a pooled connection for that
 * less 2 s, Node's http agents for 5 s. headersTimeout outlasts it, as Node requires.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function listen(server: http.Server, port: number, host: string): Promise<void> {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * Makes the request id the trace id of everything the handlers after it do (events they record carry it).
 * Mounted after body parsing: stream callbacks would lose the async context.
 */
export function traceRequest(req: Request, _res: Response, next: NextFunction): void {
  req.traceScope = { traceId: req.requestId, sqlStatements: 0 };
  runWithTraceId(req.requestId, next, req.traceScope);
}
