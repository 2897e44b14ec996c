import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DataSource, In } from 'typeorm';
import { PersonProjectionRow } from '../people/person-projection.entity';
import { ScreeningAccessLogService } from './screening-access-log';
import { ScreeningEntryEntity } from './screening.entity';
import {
  AddScreeningEntryInput,
  CloseScreeningRecordInput,
  CreateScreeningRecordInput,
  ReferScreeningRecordInput,
  ReopenScreeningRecordInput,
  ScreeningAccessLogFilter,
  ScreeningRecordFilter,
} from './screening.inputs';
import { ScreeningService } from './screening.service';
import {
  ScreeningAccessLogConnection,
  ScreeningEntry,
  ScreeningRecord,
  ScreeningRecordConnection,
  ScreeningRecordPayload,
  ScreeningStudent,
  toScreeningEntry,
} from './screening.types';

@Authorized()
@Resolver(() => ScreeningRecord)
export class ScreeningResolver {
  constructor(
    private readonly screening: ScreeningService,
    private readonly accessLog: ScreeningAccessLogService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => ScreeningRecord, { nullable: true, description: '按 ID 查看心理问题学生排查记录（仅心理健康中心；记入访问日志）' })
  screeningRecord(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<ScreeningRecord> {
    return this.screening.get(callerOf(context), id);
  }

  @Query(() => ScreeningRecordConnection, { description: '心理问题学生排查干预台账，最新的在前（仅心理健康中心；返回的每条记录都记入访问日志）' })
  screeningRecords(
    @Arg('filter', () => ScreeningRecordFilter, { defaultValue: {} }) filter: ScreeningRecordFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<ScreeningRecordConnection> {
    return this.screening.list(callerOf(context), filter, first, after);
  }

  @Query(() => ScreeningRecordConnection, { description: '下次随访日期已过的未结案记录，逾期最久的在前（仅心理健康中心；记入访问日志）' })
  screeningFollowUpsDue(@Args() { first, after }: ConnectionArgs, @Ctx() context: RequestContext): Promise<ScreeningRecordConnection> {
    return this.screening.followUpsDue(callerOf(context), first, after);
  }

  @Query(() => ScreeningAccessLogConnection, { description: '排查记录的访问日志，最新的在前（心理健康中心和单位领导；不含学生姓名）' })
  screeningAccessLog(
    @Arg('filter', () => ScreeningAccessLogFilter, { defaultValue: {} }) filter: ScreeningAccessLogFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<ScreeningAccessLogConnection> {
    return this.accessLog.list(callerOf(context), filter, first, after);
  }

  @Mutation(() => ScreeningRecordPayload, { description: '为本范围内的学生建立排查干预记录（跟踪中）' })
  async createScreeningRecord(@Arg('input') input: CreateScreeningRecordInput, @Ctx() context: RequestContext): Promise<ScreeningRecordPayload> {
    return { screeningRecord: await this.screening.create(callerOf(context), input) };
  }

  @Mutation(() => ScreeningRecordPayload, { description: '记录一次干预或随访，约定下次随访日期，可调整风险等级' })
  async addScreeningEntry(@Arg('input') input: AddScreeningEntryInput, @Ctx() context: RequestContext): Promise<ScreeningRecordPayload> {
    return { screeningRecord: await this.screening.addEntry(callerOf(context), input) };
  }

  @Mutation(() => ScreeningRecordPayload, { description: '转介至医院或专业心理卫生机构（已转介）' })
  async referScreeningRecord(@Arg('input') input: ReferScreeningRecordInput, @Ctx() context: RequestContext): Promise<ScreeningRecordPayload> {
    return { screeningRecord: await this.screening.refer(callerOf(context), input) };
  }

  @Mutation(() => ScreeningRecordPayload, { description: '结案（风险等级为高或危机时不能结案）' })
  async closeScreeningRecord(@Arg('input') input: CloseScreeningRecordInput, @Ctx() context: RequestContext): Promise<ScreeningRecordPayload> {
    return { screeningRecord: await this.screening.close(callerOf(context), input) };
  }

  @Mutation(() => ScreeningRecordPayload, { description: '已结案的记录重新开案（跟踪中）' })
  async reopenScreeningRecord(@Arg('input') input: ReopenScreeningRecordInput, @Ctx() context: RequestContext): Promise<ScreeningRecordPayload> {
    return { screeningRecord: await this.screening.reopen(callerOf(context), input) };
  }

  @FieldResolver(() => ScreeningStudent, { description: '学生' })
  async student(@Root() record: ScreeningRecord, @Ctx() context: RequestContext): Promise<ScreeningStudent> {
    const loader = context.loaders.get('ScreeningRecord.student', () =>
      new DataLoader<string, PersonProjectionRow | null>(async (ids) => {
        const rows = await this.dataSource.manager.find(PersonProjectionRow, { where: { id: In([...ids]) } });
        return ids.map((id) => rows.find((row) => row.id === id) ?? null);
      }),
    );
    const person = await loader.load(record.studentId);
    return { id: record.studentId, name: person?.name ?? null, active: person?.active ?? null };
  }

  @FieldResolver(() => [ScreeningEntry], { description: '干预和随访，按日期先后' })
  entries(@Root() record: ScreeningRecord, @Ctx() context: RequestContext): Promise<ScreeningEntry[]> {
    const loader = context.loaders.get('ScreeningRecord.entries', () =>
      new DataLoader<string, ScreeningEntry[]>(async (ids) => {
        const rows = await this.dataSource.manager.find(ScreeningEntryEntity, {
          where: { recordId: In([...ids]) },
          order: { occurredOn: 'ASC', createdAt: 'ASC' },
        });
        return ids.map((id) => rows.filter((row) => row.recordId === id).map(toScreeningEntry));
      }),
    );
    return loader.load(record.id);
  }
}
