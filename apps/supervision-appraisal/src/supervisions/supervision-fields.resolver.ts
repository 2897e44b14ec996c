import { callerOf, ConnectionArgs, OrgUnitReference, orgUnitReference, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RectificationState } from './supervision-enums';
import { SupervisionFindingPhoto } from './supervision-photos';
import { SupervisionReads } from './supervision-reads';
import { SupervisionFindingFilter } from './supervision.inputs';
import { FindingHazard, FindingStats, SupervisionFinding, SupervisionFindingConnection, SupervisionInspection, toFinding } from './supervision.types';

@Authorized()
@Resolver(() => SupervisionInspection)
export class SupervisionFieldsResolver {
  constructor(private readonly reads: SupervisionReads) {}

  @FieldResolver(() => [OrgUnitReference], { nullable: 'items', description: '被检查单位（不在我的管辖范围内的为空）' })
  async inspectedUnits(@Root() supervision: SupervisionInspection, @Ctx() context: RequestContext): Promise<OrgUnitReference[]> {
    return (await this.reads.units(callerOf(context), supervision.id)).map(orgUnitReference);
  }

  @FieldResolver(() => [SupervisionFinding], { description: '发现的问题（被检查单位只见本单位的问题），按序号' })
  async findings(@Root() supervision: SupervisionInspection, @Ctx() context: RequestContext): Promise<SupervisionFinding[]> {
    return (await this.reads.findings(callerOf(context), supervision.id)).map(toFinding);
  }

  @FieldResolver(() => FindingStats, { description: '问题数量（按我可见的问题统计）' })
  findingStats(@Root() supervision: SupervisionInspection, @Ctx() context: RequestContext): Promise<FindingStats> {
    return this.reads.stats(callerOf(context), supervision.id);
  }
}

@Authorized()
@Resolver(() => SupervisionFinding)
export class SupervisionFindingFieldsResolver {
  constructor(private readonly reads: SupervisionReads) {}

  @FieldResolver(() => FindingHazard, { nullable: true, description: '转成的隐患（隐患服务登记后才有）' })
  hazard(@Root() finding: SupervisionFinding, @Ctx() context: RequestContext): Promise<FindingHazard | null> {
    return this.reads.hazard(callerOf(context), finding);
  }

  @FieldResolver(() => RectificationState, { description: '整改情况：未转隐患、待登记、整改中、逾期、已整改、已作废' })
  rectification(@Root() finding: SupervisionFinding, @Ctx() context: RequestContext): Promise<RectificationState> {
    return this.reads.rectification(callerOf(context), finding);
  }

  @FieldResolver(() => [SupervisionFindingPhoto], { description: '现场照片（上传时间先后）；经网关 POST /uploads/supervision-photo 上传' })
  photos(@Root() finding: SupervisionFinding, @Ctx() context: RequestContext): Promise<SupervisionFindingPhoto[]> {
    return this.reads.photos(callerOf(context), finding.id);
  }

  @FieldResolver(() => SupervisionInspection, { nullable: true, description: '所属督导检查' })
  supervision(@Root() finding: SupervisionFinding, @Ctx() context: RequestContext): Promise<SupervisionInspection | null> {
    return this.reads.supervisionOf(callerOf(context), finding.supervisionId);
  }
}

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitSupervisionFindingsResolver {
  constructor(private readonly reads: SupervisionReads) {}

  @FieldResolver(() => SupervisionFindingConnection, { nullable: true, description: '督导检查在本单位发现的问题，最新的在前' })
  supervisionFindings(
    @Root() unit: OrgUnitReference,
    @Arg('filter', () => SupervisionFindingFilter, { defaultValue: {} }) filter: SupervisionFindingFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<SupervisionFindingConnection> {
    return this.reads.unitFindings(context, unit.id, filter, first, after);
  }
}
