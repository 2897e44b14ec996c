import { httpError } from '@campus/graphql';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Proof that a request to a subgraph came from the gateway (or another service of the platform): the
 * GATEWAY_SECRET they share, in this header. Subgraphs listen on the loopback address by default; when one is
 * exposed (containers, another host), the secret keeps callers that reached it directly from answering
 * `_service`, `_entities` or any route without the gateway's limits.
 */
export const GATEWAY_PROOF_HEADER = 'x-campus-gateway-secret';

/** The headers a request to a subgraph carries: the proof when a secret is configured, nothing otherwise. */
export function gatewayProofHeaders(gatewaySecret: string | undefined): Record<string, string> {
  return gatewaySecret ? { [GATEWAY_PROOF_HEADER]: gatewaySecret } : {};
}

/**
 * Refuses (403 JSON, reason GATEWAY_ONLY) every request without the secret, when one is configured; mounted
 * after /healthz and /readyz, which stay open for orchestrators. Without a secret (development) it lets all through.
 */
export function requireGatewayProof(gatewaySecret: string | undefined): RequestHandler {
  if (!gatewaySecret) return (_req, _res, next) => next();
  const expected = digest(gatewaySecret);
  return (req: Request, res: Response, next: NextFunction) => {
    const presented = req.header(GATEWAY_PROOF_HEADER);
    // Both sides hashed to the same length first, so the comparison takes the same time whatever was sent.
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) return next();
    req.log?.warn({ path: req.originalUrl.split('?')[0], proof: presented === undefined ? 'missing' : 'wrong' }, 'request without gateway proof refused');
    const refusal = httpError('GATEWAY_ONLY');
    res.status(refusal.status).json(refusal.body);
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
