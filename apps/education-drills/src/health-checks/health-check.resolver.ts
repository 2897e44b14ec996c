import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DataSource, In } from 'typeorm';
import { HealthCheckRevisionEntity } from './health-check.entity';
import { CorrectHealthCheckInput, HealthCheckFilter, RecordHealthCheckInput, SetHealthCheckSessionsInput } from './health-check.inputs';
import { HealthCheckService } from './health-check.service';
import {
  HealthCheck,
  HealthCheckConnection,
  HealthCheckPayload,
  HealthCheckRevision,
  HealthCheckSchedule,
  HealthCheckSchedulePayload,
  toHealthCheckRevision,
} from './health-check.types';

@Authorized()
@Resolver(() => HealthCheck)
export class HealthCheckResolver {
  constructor(
    private readonly checks: HealthCheckService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => HealthCheck, { nullable: true, description: '按 ID 查看晨午晚检记录' })
  healthCheck(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<HealthCheck> {
    return this.checks.get(callerOf(context), id);
  }

  @Query(() => HealthCheckConnection, { description: '单位（含下级班级）期间内的晨午晚检记录，检查日期最近的在前' })
  healthChecks(
    @Arg('filter', () => HealthCheckFilter) filter: HealthCheckFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<HealthCheckConnection> {
    return this.checks.list(callerOf(context), filter, first, after);
  }

  @Query(() => HealthCheckSchedule, { description: '单位下的班级要做的检查时段（本单位或最近上级的设置；默认晨检、午检）' })
  healthCheckSessions(@Arg('orgUnitId', () => ID) orgUnitId: string, @Ctx() context: RequestContext): Promise<HealthCheckSchedule> {
    return this.checks.schedule(callerOf(context), orgUnitId);
  }

  @Mutation(() => HealthCheckPayload, { description: '填报一个班级一个检查日一个时段的晨午晚检；录入时间取服务器时间，迟报、补填如实显示' })
  async recordHealthCheck(@Arg('input') input: RecordHealthCheckInput, @Ctx() context: RequestContext): Promise<HealthCheckPayload> {
    return { healthCheck: await this.checks.record(callerOf(context), input) };
  }

  @Mutation(() => HealthCheckPayload, { description: '更正晨午晚检的数字（保留更正前的数字、更正人和原因；首次录入时间不变）' })
  async correctHealthCheck(@Arg('input') input: CorrectHealthCheckInput, @Ctx() context: RequestContext): Promise<HealthCheckPayload> {
    return { healthCheck: await this.checks.correct(callerOf(context), input) };
  }

  @Mutation(() => HealthCheckSchedulePayload, { description: '设置单位下的班级要做的检查时段（寄宿学校加晚检）' })
  async setHealthCheckSessions(@Arg('input') input: SetHealthCheckSessionsInput, @Ctx() context: RequestContext): Promise<HealthCheckSchedulePayload> {
    return { schedule: await this.checks.setSchedule(callerOf(context), input) };
  }

  @FieldResolver(() => [HealthCheckRevision], { description: '更正记录，先更正的在前' })
  revisions(@Root() check: HealthCheck, @Ctx() context: RequestContext): Promise<HealthCheckRevision[]> {
    const loader = context.loaders.get('HealthCheck.revisions', () =>
      new DataLoader<string, HealthCheckRevision[]>(async (ids) => {
        const rows = await this.dataSource.manager.find(HealthCheckRevisionEntity, { where: { healthCheckId: In([...ids]) }, order: { version: 'ASC' } });
        return ids.map((id) => rows.filter((row) => row.healthCheckId === id).map(toHealthCheckRevision));
      }),
    );
    return loader.load(check.id);
  }
}
