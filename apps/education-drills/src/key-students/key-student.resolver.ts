import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DataSource, In } from 'typeorm';
import { PersonProjectionRow } from '../people/person-projection.entity';
import { KeyStudentFollowUpEntity } from './key-student.entity';
import { AddKeyStudentFollowUpInput, AddKeyStudentInput, KeyStudentFilter, KeyStudentFollowUpsDueFilter, ReleaseKeyStudentInput } from './key-student.inputs';
import { KeyStudentService } from './key-student.service';
import { KeyStudent, KeyStudentConnection, KeyStudentFollowUp, KeyStudentPayload, KeyStudentPerson, toKeyStudentFollowUp } from './key-student.types';

const HANDLERS = '心理健康中心、安全保卫处、单位负责人和教育局';

@Authorized()
@Resolver(() => KeyStudent)
export class KeyStudentResolver {
  constructor(
    private readonly service: KeyStudentService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => KeyStudent, { nullable: true, description: `按 ID 查看重点关注学生（仅${HANDLERS}；其他人为 NOT_FOUND；记入访问日志）` })
  keyStudent(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<KeyStudent> {
    return this.service.get(callerOf(context), id);
  }

  @Query(() => KeyStudentConnection, {
    description: `重点关注学生台账，最新的在前（仅${HANDLERS}可见内容，返回的每条都记入访问日志；其他人只见 restrictedCount）`,
  })
  keyStudents(
    @Arg('filter', () => KeyStudentFilter, { defaultValue: {} }) filter: KeyStudentFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<KeyStudentConnection> {
    return this.service.list(callerOf(context), filter, first, after);
  }

  @Query(() => KeyStudentConnection, { description: `到期和逾期待跟进的重点关注学生，逾期最久的在前（仅${HANDLERS}；记入访问日志）` })
  keyStudentFollowUpsDue(
    @Arg('filter', () => KeyStudentFollowUpsDueFilter, { defaultValue: { withinDays: 0 } }) filter: KeyStudentFollowUpsDueFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<KeyStudentConnection> {
    return this.service.followUpsDue(callerOf(context), filter, first, after);
  }

  @Mutation(() => KeyStudentPayload, { description: '将本范围内的学生列入重点关注（关注中）' })
  async addKeyStudent(@Arg('input') input: AddKeyStudentInput, @Ctx() context: RequestContext): Promise<KeyStudentPayload> {
    return { keyStudent: await this.service.add(callerOf(context), input) };
  }

  @Mutation(() => KeyStudentPayload, { description: '记录一次跟进，约定下次跟进日期' })
  async addKeyStudentFollowUp(@Arg('input') input: AddKeyStudentFollowUpInput, @Ctx() context: RequestContext): Promise<KeyStudentPayload> {
    return { keyStudent: await this.service.followUp(callerOf(context), input) };
  }

  @Mutation(() => KeyStudentPayload, { description: '解除关注（须写明原因）' })
  async releaseKeyStudent(@Arg('input') input: ReleaseKeyStudentInput, @Ctx() context: RequestContext): Promise<KeyStudentPayload> {
    return { keyStudent: await this.service.release(callerOf(context), input) };
  }

  @FieldResolver(() => KeyStudentPerson, { description: '学生' })
  async student(@Root() entry: KeyStudent, @Ctx() context: RequestContext): Promise<KeyStudentPerson> {
    const loader = context.loaders.get('KeyStudent.student', () =>
      new DataLoader<string, PersonProjectionRow | null>(async (ids) => {
        const rows = await this.dataSource.manager.find(PersonProjectionRow, { where: { id: In([...ids]) } });
        return ids.map((id) => rows.find((row) => row.id === id) ?? null);
      }),
    );
    const person = await loader.load(entry.studentId);
    return { id: entry.studentId, name: person?.name ?? null, active: person?.active ?? null };
  }

  @FieldResolver(() => [KeyStudentFollowUp], { description: '跟进记录，按日期先后' })
  followUps(@Root() entry: KeyStudent, @Ctx() context: RequestContext): Promise<KeyStudentFollowUp[]> {
    const loader = context.loaders.get('KeyStudent.followUps', () =>
      new DataLoader<string, KeyStudentFollowUp[]>(async (ids) => {
        const rows = await this.dataSource.manager.find(KeyStudentFollowUpEntity, {
          where: { keyStudentId: In([...ids]) },
          order: { occurredOn: 'ASC', createdAt: 'ASC' },
        });
        return ids.map((id) => rows.filter((row) => row.keyStudentId === id).map(toKeyStudentFollowUp));
      }),
    );
    return loader.load(entry.id);
  }
}
