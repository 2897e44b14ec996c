import { CalendarDate, ConnectionType, VersionedInput } from '@campus/graphql';
import { ClientRequestIdField } from '@campus/server';
import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SectionPairingAction } from './section-pairing.entity';

registerEnumType(SectionPairingAction, {
  name: 'SectionPairingAction',
  description: '股室联校包抓的变更',
  valuesConfig: { CREATED: { description: '安排' }, EDITED: { description: '修改' }, ENDED: { description: '结束' } },
});

@ObjectType('SectionPairing', {
  description: '股室联校包抓：教育局的股室（科室）包抓一所学校；包抓期间股室人员可查看并督导该校（督导组成员权限，重新登录后生效）',
})
export class SectionPairing {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '版本号，修改时回传以防并发覆盖' })
  version: number;

  @Field(() => ID, { description: '包抓股室' })
  sectionId: string;

  @Field({ description: '包抓股室名称（学校的报表上署名用）' })
  sectionName: string;

  @Field(() => ID, { description: '包抓学校' })
  schoolId: string;

  @Field({ description: '包抓学校名称' })
  schoolName: string;

  @Field(() => ID, { nullable: true, description: '包抓领导' })
  leadPersonId: string | null;

  @Field(() => String, { nullable: true, description: '包抓领导姓名（学校的报表上署名用）' })
  leadPersonName: string | null;

  @Field(() => CalendarDate, { description: '包抓起始日期' })
  startedOn: string;

  @Field(() => CalendarDate, { nullable: true, description: '包抓结束日期；未结束时为空' })
  endedOn: string | null;

  @Field({ description: '是否在包抓中（未结束）' })
  active: boolean;

  @Field({ description: '备注' })
  note: string;
}

@ObjectType()
export class SectionPairingConnection extends ConnectionType('SectionPairing', SectionPairing) {}

@ObjectType('SectionPairingChange', { description: '股室联校包抓的一次变更及变更后的内容' })
export class SectionPairingChange {
  @Field(() => SectionPairingAction)
  action: SectionPairingAction;

  @Field(() => ID, { description: '操作账号' })
  actorAccountId: string;

  @Field({ description: '操作时间' })
  at: Date;

  @Field(() => ID, { nullable: true, description: '变更后的包抓领导' })
  leadPersonId: string | null;

  @Field(() => CalendarDate)
  startedOn: string;

  @Field(() => CalendarDate, { nullable: true })
  endedOn: string | null;

  @Field()
  note: string;
}

@InputType({ description: '安排股室联校包抓' })
export class CreateSectionPairingInput {
  @Field(() => ID, { description: '股室：教育局直属的科室' })
  sectionId: string;

  @Field(() => ID, { description: '学校：该教育局下属的学校' })
  schoolId: string;

  @Field(() => ID, { nullable: true, description: '包抓领导：该教育局（含股室）的在职人员，可不填' })
  leadPersonId?: string | null;

  @Field(() => CalendarDate, { nullable: true, description: '起始日期，默认今天' })
  startedOn?: string | null;

  @Field(() => String, { nullable: true, description: '备注' })
  @IsOptional()
  @MaxLength(500, { message: '备注最多 500 字' })
  note?: string | null;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '修改股室联校包抓：未给出的字段不变；leadPersonId 为 null 时取消包抓领导' })
export class EditSectionPairingInput extends VersionedInput {
  @Field(() => ID, { nullable: true, description: '包抓领导' })
  leadPersonId?: string | null;

  @Field(() => CalendarDate, { nullable: true, description: '起始日期' })
  startedOn?: string | null;

  @Field(() => String, { nullable: true, description: '备注' })
  @IsOptional()
  @MaxLength(500, { message: '备注最多 500 字' })
  note?: string | null;
}

@InputType({ description: '结束股室联校包抓：股室人员对该校的权限随即失效' })
export class EndSectionPairingInput extends VersionedInput {
  @Field(() => CalendarDate, { nullable: true, description: '结束日期，默认今天；不能晚于今天，不能早于起始日期' })
  endedOn?: string | null;
}

@InputType({ description: '股室联校包抓的筛选条件' })
export class SectionPairingFilter {
  @Field(() => ID, { nullable: true, description: '只看此单位（教育局或股室）之下的股室的包抓' })
  sectionUnitId?: string | null;

  @Field(() => ID, { nullable: true, description: '只看包抓此学校的' })
  schoolId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '含已结束的包抓，默认否' })
  includeEnded?: boolean | null;
}

@ObjectType()
export class SectionPairingPayload {
  @Field(() => SectionPairing)
  sectionPairing: SectionPairing;
}
