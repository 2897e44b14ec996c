import { DomainError, httpError, httpErrorOfDomain } from '@campus/graphql';
import type { Logger } from '@campus/logger';
import { Express, Request, Response } from 'express';
import { isLinkToken } from './notice-link';
import { NoticeAckService } from './notice-ack.service';

/**
 * A guardian's one-time link, without an account: GET /notices/ack/<token> shows the notice,
 * POST acknowledges it. The token is the only credential; errors are JSON { code, reason, message }.
 */
export function mountNoticeAckRoutes(app: Express, acks: NoticeAckService): void {
  app.get('/notices/ack/:token', async (req: Request, res: Response) => {
    try {
      res.setHeader('cache-control', 'no-store');
      res.json(await acks.view(tokenOf(req)));
    } catch (error) {
      sendError(res, error, req.log);
    }
  });

  app.post('/notices/ack/:token', async (req: Request, res: Response) => {
    try {
      const done = await acks.acknowledgeByLink(tokenOf(req));
      res.json({ acknowledged: true, acknowledgedAt: done.acknowledgedAt, message: '已确认，感谢您对学校安全工作的支持' });
    } catch (error) {
      sendError(res, error, req.log);
    }
  });
}

function tokenOf(req: Request): string {
  const token = String(req.params.token);
  if (!isLinkToken(token)) throw new DomainError('NOT_FOUND', '链接无效或已过期，如需确认请联系班主任');
  return token;
}

function sendError(res: Response, error: unknown, log: Logger): void {
  const refusal = error instanceof DomainError ? httpErrorOfDomain(error) : httpError('INTERNAL');
  if (refusal.status >= 500) log.error({ err: error }, 'notice acknowledgement failed');
  res.status(refusal.status).json(refusal.body);
}
