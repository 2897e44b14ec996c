import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { perService, ServiceBase } from '../feature-module';
import { AuditTrail } from './audit-trail';
import { AuditEntryConnection } from './audit-trail.types';

/** One AuditTrail reader per service. */
export const auditTrailOf = perService((deps: ServiceBase) => new AuditTrail(deps.dataSource));

const DESCRIPTION =
  '对象的审计记录（新的在前，含其所属明细如成员、班次、指标的变更）：先按对象本身的查看权限判断，不在管辖范围内、' +
  '不存在或该类对象不提供审计查询时返回 NOT_FOUND；心理排查、重点学生、矛盾纠纷等敏感记录不提供';

/**
 * The service's root query of its audit trail. Each subgraph keeps its own trail, so each names its field
 * (e.g. hazardAuditTrail): one root field name in several subgraphs would be answered by only one of them.
 */
export function auditTrailResolver(fieldName: string): Function {
  @Authorized()
  @Resolver()
  class AuditTrailResolver {
    constructor(private readonly trail: AuditTrail) {}

    @Query(() => AuditEntryConnection, { name: fieldName, description: DESCRIPTION })
    auditTrail(
      @Arg('objectType', { description: '对象类型，如 Hazard、WorkGroup、DutyRoster、EmergencyPlan、AppraisalScheme' }) objectType: string,
      @Arg('objectId', () => ID) objectId: string,
      @Args() args: ConnectionArgs,
      @Ctx() context: RequestContext,
    ): Promise<AuditEntryConnection> {
      return this.trail.read(callerOf(context), objectType, objectId, args);
    }
  }
  Object.defineProperty(AuditTrailResolver, 'name', { value: `AuditTrailResolver_${fieldName}` });
  return AuditTrailResolver;
}
