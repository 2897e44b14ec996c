import { TokenVerifier } from '@campus/auth';
import { Express } from 'express';
import { forwardToSubgraph } from './uploads';

export interface StreamedExportsOptions {
  /** supervision-appraisal's GraphQL URL; its list endpoints sit beside it (…/graphql → …/accountability-list). */
  supervisionAppraisalUrl: string;
  verifyToken: TokenVerifier;
}

/**
 * Downloads a subgraph writes as a stream (lists of any length, never held whole in memory): GET
 * /exports/<name>?… is forwarded with its query string and the caller's token, and the workbook (or the
 * JSON refusal { code, reason, message }) streamed back. Mounted before the GraphQL-backed /exports/:name.
 * - accountability-list?orgUnitId=…[&from=…&to=…][&status=CONFIRMED,REVOKED] (问责通报清单, supervision-appraisal)
 */
export function mountStreamedExports(app: Express, options: StreamedExportsOptions): void {
  forwardToSubgraph(
    app,
    {
      method: 'get',
      path: '/exports/accountability-list',
      subgraphUrl: options.supervisionAppraisalUrl,
      upstreamPath: 'accountability-list',
      serviceLabel: '督导考核服务',
      keepQuery: true,
    },
    options.verifyToken,
  );
}
