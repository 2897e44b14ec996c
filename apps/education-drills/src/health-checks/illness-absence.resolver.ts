import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DataSource, In } from 'typeorm';
import { PersonProjectionRow } from '../people/person-projection.entity';
import {
  ContactIllnessAbsenceParentsInput,
  IllnessAbsenceFilter,
  RecordIllnessAbsenceCauseInput,
  RecordIllnessAbsenceInput,
  RecordIllnessAbsenceReturnInput,
} from './health-check.inputs';
import { IllnessAbsence, IllnessAbsenceConnection, IllnessAbsencePayload, IllnessAbsenceStudent } from './health-check.types';
import { IllnessAbsenceService } from './illness-absence.service';

@Authorized()
@Resolver(() => IllnessAbsence)
export class IllnessAbsenceResolver {
  constructor(
    private readonly absences: IllnessAbsenceService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => IllnessAbsence, { nullable: true, description: '按 ID 查看因病缺课追踪记录' })
  illnessAbsence(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<IllnessAbsence> {
    return this.absences.get(callerOf(context), id);
  }

  @Query(() => IllnessAbsenceConnection, { description: '因病缺课追踪台账，缺课日期最近的在前；可只看逾期未查明病因或疑似传染病的' })
  illnessAbsences(
    @Arg('filter', () => IllnessAbsenceFilter, { defaultValue: {} }) filter: IllnessAbsenceFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<IllnessAbsenceConnection> {
    return this.absences.list(callerOf(context), filter, first, after);
  }

  @Mutation(() => IllnessAbsencePayload, { description: '登记一名学生的因病缺课（追踪中；病因须在缺课次日结束前查明）' })
  async recordIllnessAbsence(@Arg('input') input: RecordIllnessAbsenceInput, @Ctx() context: RequestContext): Promise<IllnessAbsencePayload> {
    return { illnessAbsence: await this.absences.record(callerOf(context), input) };
  }

  @Mutation(() => IllnessAbsencePayload, { description: '记录与家长的联系（时间和情况）' })
  async contactIllnessAbsenceParents(@Arg('input') input: ContactIllnessAbsenceParentsInput, @Ctx() context: RequestContext): Promise<IllnessAbsencePayload> {
    return { illnessAbsence: await this.absences.contactParents(callerOf(context), input) };
  }

  @Mutation(() => IllnessAbsencePayload, { description: '登记病因（就诊诊断；疑似传染病的须标记）' })
  async recordIllnessAbsenceCause(@Arg('input') input: RecordIllnessAbsenceCauseInput, @Ctx() context: RequestContext): Promise<IllnessAbsencePayload> {
    return { illnessAbsence: await this.absences.recordCause(callerOf(context), input) };
  }

  @Mutation(() => IllnessAbsencePayload, { description: '登记学生返校（须先查明病因）' })
  async recordIllnessAbsenceReturn(@Arg('input') input: RecordIllnessAbsenceReturnInput, @Ctx() context: RequestContext): Promise<IllnessAbsencePayload> {
    return { illnessAbsence: await this.absences.recordReturn(callerOf(context), input) };
  }

  @FieldResolver(() => IllnessAbsenceStudent, { description: '学生' })
  async student(@Root() absence: IllnessAbsence, @Ctx() context: RequestContext): Promise<IllnessAbsenceStudent> {
    const loader = context.loaders.get('IllnessAbsence.student', () =>
      new DataLoader<string, PersonProjectionRow | null>(async (ids) => {
        const rows = await this.dataSource.manager.find(PersonProjectionRow, { where: { id: In([...ids]) } });
        return ids.map((id) => rows.find((row) => row.id === id) ?? null);
      }),
    );
    const person = await loader.load(absence.studentId);
    return { id: absence.studentId, name: person?.name ?? null };
  }
}
