import { callerOf, ConnectionArgs, ExportFile, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { SupervisionFindings } from './supervision-findings';
import { SupervisionReport } from './supervision-report';
import { SupervisionService } from './supervision.service';
import {
  CancelSupervisionInput,
  PlanSupervisionInput,
  RaiseSupervisionFindingInput,
  RecordSupervisionFindingInput,
  ReportSupervisionInput,
  SupervisionFilter,
  SupervisionStepInput,
  UpdateSupervisionInput,
} from './supervision.inputs';
import { SupervisionFindingPayload, SupervisionInspection, SupervisionInspectionConnection, SupervisionInspectionPayload } from './supervision.types';

@Authorized()
@Resolver(() => SupervisionInspection)
export class SupervisionResolver {
  constructor(
    private readonly inspections: SupervisionService,
    private readonly findings: SupervisionFindings,
    private readonly report: SupervisionReport,
  ) {}

  @Query(() => SupervisionInspection, { nullable: true, description: '按 ID 查询督导检查（组织单位管辖范围内，或本单位是被检查单位）' })
  supervision(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<SupervisionInspection> {
    return this.inspections.get(callerOf(context), id);
  }

  @Query(() => SupervisionInspectionConnection, { description: '我可见的督导检查（组织的或本单位被检查的），最新建立的在前' })
  supervisions(
    @Arg('filter', () => SupervisionFilter, { defaultValue: {} }) filter: SupervisionFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<SupervisionInspectionConnection> {
    return this.inspections.list(callerOf(context), filter, first, after);
  }

  @Query(() => ExportFile, { description: '督查报告 Excel：概况、各单位问题统计、问题清单及整改情况；被检查单位只含本单位的问题。下载地址 /exports/supervision-report?id=…' })
  supervisionReportWorkbook(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<ExportFile> {
    return this.report.workbook(callerOf(context), id);
  }

  @Mutation(() => SupervisionInspectionPayload, { description: '制定督导检查计划：督导组、被检查单位、时间、检查重点和清单' })
  async planSupervision(@Arg('input') input: PlanSupervisionInput, @Ctx() context: RequestContext): Promise<SupervisionInspectionPayload> {
    return { supervision: await this.inspections.plan(callerOf(context), input) };
  }

  @Mutation(() => SupervisionInspectionPayload, { description: '修改计划中或检查中的督导检查' })
  async updateSupervision(@Arg('input') input: UpdateSupervisionInput, @Ctx() context: RequestContext): Promise<SupervisionInspectionPayload> {
    return { supervision: await this.inspections.update(callerOf(context), input) };
  }

  @Mutation(() => SupervisionInspectionPayload, { description: '开始检查（计划中→检查中）' })
  async startSupervision(@Arg('input') input: SupervisionStepInput, @Ctx() context: RequestContext): Promise<SupervisionInspectionPayload> {
    return { supervision: await this.inspections.start(callerOf(context), input) };
  }

  @Mutation(() => SupervisionFindingPayload, { description: '记录检查发现的问题（检查中），可同时转为隐患' })
  async recordSupervisionFinding(@Arg('input') input: RecordSupervisionFindingInput, @Ctx() context: RequestContext): Promise<SupervisionFindingPayload> {
    return { finding: await this.findings.record(callerOf(context), input) };
  }

  @Mutation(() => SupervisionFindingPayload, { description: '将发现的问题转为隐患，交被检查单位整改（每个问题一次）' })
  async raiseSupervisionFinding(@Arg('input') input: RaiseSupervisionFindingInput, @Ctx() context: RequestContext): Promise<SupervisionFindingPayload> {
    return { finding: await this.findings.raise(callerOf(context), input) };
  }

  @Mutation(() => SupervisionInspectionPayload, { description: '出具督查报告（检查中→已出报告）' })
  async reportSupervision(@Arg('input') input: ReportSupervisionInput, @Ctx() context: RequestContext): Promise<SupervisionInspectionPayload> {
    return { supervision: await this.inspections.report(callerOf(context), input) };
  }

  @Mutation(() => SupervisionInspectionPayload, { description: '结束督导检查（已出报告→已结束）' })
  async closeSupervision(@Arg('input') input: SupervisionStepInput, @Ctx() context: RequestContext): Promise<SupervisionInspectionPayload> {
    return { supervision: await this.inspections.close(callerOf(context), input) };
  }

  @Mutation(() => SupervisionInspectionPayload, { description: '取消督导检查（计划中或检查中，尚无问题转为隐患）' })
  async cancelSupervision(@Arg('input') input: CancelSupervisionInput, @Ctx() context: RequestContext): Promise<SupervisionInspectionPayload> {
    return { supervision: await this.inspections.cancel(callerOf(context), input) };
  }
}
