import { CalendarDate, RequestContext } from '@campus/graphql';
import DataLoader from 'dataloader';
import { Ctx, Field, FieldResolver, Int, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { Hazard } from '../hazards/hazard.types';
import { escalationsOf, HazardEscalationView } from './overdue-escalator';

enum EscalationNotify {
  RESPONSIBLE_PERSON = 'RESPONSIBLE_PERSON',
  UNIT_LEADER = 'UNIT_LEADER',
  SAFETY_OFFICE = 'SAFETY_OFFICE',
}

registerEnumType(EscalationNotify, {
  name: 'EscalationNotify',
  description: '逾期升级提醒的对象',
  valuesConfig: {
    RESPONSIBLE_PERSON: { description: '整改责任人（到期）' },
    UNIT_LEADER: { description: '单位负责人（逾期 3 天）' },
    SAFETY_OFFICE: { description: '安全管理部门并启动问责（逾期 7 天；重大隐患逾期即到此级）' },
  },
});

@ObjectType('HazardEscalation', { description: '逾期升级（每级只发生一次）' })
export class HazardEscalation {
  @Field(() => Int, { description: '级别 1–3' })
  tier: number;

  @Field(() => EscalationNotify)
  notify: EscalationNotify;

  @Field({ description: '是否启动问责' })
  accountability: boolean;

  @Field(() => CalendarDate, { description: '升级时的整改期限' })
  deadline: string;

  @Field()
  escalatedAt: Date;
}

function toEscalation(view: HazardEscalationView): HazardEscalation {
  return { ...view, notify: view.notify as EscalationNotify };
}

@Resolver(() => Hazard)
export class HazardEscalationsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver(() => [HazardEscalation], { description: '逾期升级记录，按级别' })
  escalations(@Root() hazard: Hazard, @Ctx() context: RequestContext): Promise<HazardEscalation[]> {
    return context.loaders
      .get<string, HazardEscalation[]>('Hazard.escalations', () => new DataLoader(async (ids: readonly string[]) => {
        const byHazard = await escalationsOf(this.dataSource, ids);
        return ids.map((id) => (byHazard.get(id) ?? []).map(toEscalation));
      }))
      .load(hazard.id);
  }
}
