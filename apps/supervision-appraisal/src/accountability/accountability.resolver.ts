import { SqlCondition } from '@campus/database';
import { callerOf, ConnectionArgs, loadUnitConnection, OrgUnitReference, RequestContext } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AccountabilityStatus } from './accountability-enums';
import { readableRecordsCondition } from './accountability.access';
import { recordFromRow } from './accountability.entity';
import { AccountabilityDecisionInput, AccountabilityRecordFilter, ConfirmAccountabilityInput, RecordAccountabilityInput } from './accountability.inputs';
import { AccountabilityService } from './accountability.service';
import { AccountabilityRecord, AccountabilityRecordConnection, AccountabilityRecordPayload, toAccountabilityRecord } from './accountability.types';

@Authorized()
@Resolver(() => AccountabilityRecord)
export class AccountabilityResolver {
  constructor(private readonly records: AccountabilityService) {}

  @Query(() => AccountabilityRecord, { nullable: true, description: '按 ID 查询问责记录（对象单位及其上级的负责人，或被问责的本人）' })
  accountabilityRecord(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<AccountabilityRecord> {
    return this.records.get(callerOf(context), id);
  }

  @Query(() => AccountabilityRecordConnection, { description: '我可查看的问责记录（本人领导的单位及下级单位的，和关于我本人的），最新提出的在前' })
  accountabilityRecords(
    @Arg('filter', () => AccountabilityRecordFilter, { defaultValue: {} }) filter: AccountabilityRecordFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<AccountabilityRecordConnection> {
    return this.records.list(callerOf(context), filter, first, after);
  }

  @Mutation(() => AccountabilityRecordPayload, { description: '提出问责（待确认）：对下级单位或其人员，事由、问责方式、情况说明和依据' })
  async recordAccountability(@Arg('input') input: RecordAccountabilityInput, @Ctx() context: RequestContext): Promise<AccountabilityRecordPayload> {
    return { accountabilityRecord: await this.records.record(callerOf(context), input) };
  }

  @Mutation(() => AccountabilityRecordPayload, { description: '确认问责，记录在案（待确认→记录在案），可调整问责方式' })
  async confirmAccountability(@Arg('input') input: ConfirmAccountabilityInput, @Ctx() context: RequestContext): Promise<AccountabilityRecordPayload> {
    return { accountabilityRecord: await this.records.confirm(callerOf(context), input) };
  }

  @Mutation(() => AccountabilityRecordPayload, { description: '不予问责（待确认→不予问责），须说明理由' })
  async dismissAccountability(@Arg('input') input: AccountabilityDecisionInput, @Ctx() context: RequestContext): Promise<AccountabilityRecordPayload> {
    return { accountabilityRecord: await this.records.dismiss(callerOf(context), input) };
  }

  @Mutation(() => AccountabilityRecordPayload, { description: '撤销记录在案的问责（作出单位），须说明理由' })
  async revokeAccountability(@Arg('input') input: AccountabilityDecisionInput, @Ctx() context: RequestContext): Promise<AccountabilityRecordPayload> {
    return { accountabilityRecord: await this.records.revoke(callerOf(context), input) };
  }
}

/**
 * OrgUnit.accountabilityRecords for dashboards: a connection of the records against the unit itself and its
 * people (not its subtree: each unit of a dashboard shows its own), newest first. totalCount is the tile's
 * figure and the first edges the latest notices; one SQL statement serves every unit of a request.
 */
@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitAccountabilityResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver(() => AccountabilityRecordConnection, { nullable: true, description: '对本单位及其人员的问责记录（我可查看的），最新的在前；totalCount 为条数' })
  accountabilityRecords(
    @Root() unit: OrgUnitReference,
    @Arg('status', () => [AccountabilityStatus], { nullable: true, description: '状态，不填为全部' }) status: AccountabilityStatus[] | null,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<AccountabilityRecordConnection> {
    const conditions: SqlCondition[] = [readableRecordsCondition(callerOf(context), 't')];
    if (status?.length) conditions.push({ sql: 't.status IN (:...accountabilityStatus)', params: { accountabilityStatus: status } });
    return loadUnitConnection(context, unit.id, {
      field: 'OrgUnit.accountabilityRecords',
      manager: this.dataSource.manager,
      table: 'accountability_record',
      conditions,
      args: status ?? [],
      first,
      after,
      fromRow: recordFromRow,
      toNode: toAccountabilityRecord,
    });
  }
}
