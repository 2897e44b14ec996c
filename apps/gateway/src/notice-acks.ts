import { httpError } from '@campus/graphql';
import { gatewayProofHeaders } from '@campus/server';
import { Express, Request, Response } from 'express';

export interface NoticeAcksOptions {
  /** education-drills' GraphQL URL; the acknowledgement route sits beside it (…/graphql → …/notices/ack/<token>). */
  educationDrillsUrl: string;
  /** The proof education-drills requires (GATEWAY_SECRET), when configured. */
  gatewaySecret?: string;
}

const TIMEOUT_MS = 10_000;

/**
 * A guardian's one-time link to a home-school notice (家校告知): GET shows it, POST acknowledges it.
 * No account and no token check here: the link's token is the credential, and education-drills alone
 * decides it. Only the answer (JSON, small) is passed back; nothing of the caller's request but the request id.
 */
export function mountNoticeAcks(app: Express, options: NoticeAcksOptions): void {
  for (const method of ['GET', 'POST'] as const) {
    app[method === 'GET' ? 'get' : 'post']('/notices/ack/:token', (req: Request, res: Response) => {
      const target = new URL(`/notices/ack/${encodeURIComponent(String(req.params.token))}`, options.educationDrillsUrl);
      void forward(req, res, target, method, options.gatewaySecret);
    });
  }
}

async function forward(req: Request, res: Response, target: URL, method: 'GET' | 'POST', gatewaySecret: string | undefined): Promise<void> {
  try {
    const answer = await fetch(target, { method, headers: { 'x-request-id': req.requestId, ...gatewayProofHeaders(gatewaySecret) }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    res.status(answer.status);
    res.setHeader('content-type', answer.headers.get('content-type') ?? 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(Buffer.from(await answer.arrayBuffer()));
  } catch (error) {
    req.log.error({ err: error, target: target.href }, 'education-drills unreachable for a notice acknowledgement');
    const refusal = httpError('SUBGRAPH_UNAVAILABLE', '服务暂时不可用，请稍后再试');
    res.status(refusal.status).setHeader('retry-after', '1');
    res.json(refusal.body);
  }
}
