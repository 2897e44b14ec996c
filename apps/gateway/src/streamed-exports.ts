import { TokenVerifier } from '@campus/auth';
import { Express } from 'express';
import { forwardToSubgraph, TransferLimits } from './uploads';

export interface StreamedExportsOptions {
  /** supervision-appraisal's GraphQL URL; its list endpoints sit beside it (…/graphql → …/accountability-list). */
  supervisionAppraisalUrl: string;
  verifyToken: TokenVerifier;
  /** The proof the subgraph requires (GATEWAY_SECRET), when configured. */
  gatewaySecret?: string;
  limits?: TransferLimits;
}

/** supervision-appraisal's streamed downloads: the gateway's /exports/<name> and the subgraph's path beside its /graphql. */
const SUPERVISION_APPRAISAL_EXPORTS: { name: string; upstreamPath: string }[] = [
  // accountability-list?orgUnitId=…[&from=…&to=…][&status=CONFIRMED,REVOKED] (问责通报清单)
  { name: 'accountability-list', upstreamPath: 'accountability-list' },
  // appraisal-results?schemeId=…[&stage=YEAR_END|PROCESS] (考核结果: 汇总, 指标明细, 一票否决; the stored, frozen figures)
  { name: 'appraisal-results', upstreamPath: 'appraisal-results' },
];

/**
 * Downloads a subgraph writes as a stream (lists of any length, never held whole in memory): GET
 * /exports/<name>?… is forwarded with its query string and the caller's token, and the workbook (or the
 * JSON refusal { code, reason, message }) streamed back. Mounted before the GraphQL-backed /exports/:name.
 */
export function mountStreamedExports(app: Express, options: StreamedExportsOptions): void {
  for (const download of SUPERVISION_APPRAISAL_EXPORTS) {
    forwardToSubgraph(
      app,
      {
        method: 'get',
        path: `/exports/${download.name}`,
        subgraphUrl: options.supervisionAppraisalUrl,
        upstreamPath: download.upstreamPath,
        serviceLabel: '督导考核服务',
        keepQuery: true,
        gatewaySecret: options.gatewaySecret,
        limits: options.limits,
      },
      options.verifyToken,
    );
  }
}
