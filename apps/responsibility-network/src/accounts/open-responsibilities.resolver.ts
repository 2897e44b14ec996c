import { calendarDateOf, CalendarDate } from '@campus/graphql';
import { Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { DataSource, In, IsNull, MoreThanOrEqual } from 'typeorm';
import { GridAssignmentEntity } from '../grids/grid-assignment.entity';
import { GridAssignment, toGridAssignment } from '../grids/grid.types';
import { LetterStatus } from '../letters/letter-enums';
import { ResponsibilityLetterEntity } from '../letters/letter.entity';
import { ResponsibilityLetter, toResponsibilityLetter } from '../letters/letter.types';
import { PostEntity } from '../posts/post.entity';
import { Post, toPost } from '../posts/post.types';
import { Account } from './account.types';

const DUTY_LOOKAHEAD_DAYS = 14;

@ObjectType({ description: '我的值班班次' })
export class MyDutyShift {
  @Field(() => ID)
  rosterId: string;

  @Field()
  rosterName: string;

  @Field(() => CalendarDate)
  date: string;

  @Field()
  shiftName: string;

  @Field({ description: '是否为带班领导' })
  asLeader: boolean;
}

@ObjectType({ description: '我当前承担的安全责任：网格职责、岗位、待签责任书、近两周值班' })
export class OpenResponsibilities {
  @Field(() => [GridAssignment])
  gridRoles: GridAssignment[];

  @Field(() => [Post])
  posts: Post[];

  @Field(() => [ResponsibilityLetter], { description: '待签署或需重新签署的责任书' })
  lettersToSign: ResponsibilityLetter[];

  @Field(() => [MyDutyShift], { description: `今天起 ${DUTY_LOOKAHEAD_DAYS} 天内的值班` })
  dutyShifts: MyDutyShift[];
}

/** `me { openResponsibilities }`: what the account's person answers for now, across the feature areas. */
@Resolver(() => Account)
export class OpenResponsibilitiesResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver(() => OpenResponsibilities, { nullable: true, description: '账号对应人员当前承担的安全责任' })
  async openResponsibilities(@Root() account: Account): Promise<OpenResponsibilities | null> {
    const personId = account.person?.id;
    if (!personId) return null;
    const today = calendarDateOf(new Date());
    const [gridRoles, posts, letters, dutyShifts] = await Promise.all([
      this.dataSource.getRepository(GridAssignmentEntity).find({
        where: [
          { personId, to: IsNull() },
          { personId, to: MoreThanOrEqual(today) },
        ],
        order: { from: 'ASC' },
      }),
      this.dataSource.getRepository(PostEntity).find({ where: { holderPersonId: personId }, order: { title: 'ASC' } }),
      this.dataSource.getRepository(ResponsibilityLetterEntity).find({
        where: [
          { recipientPersonId: personId, status: LetterStatus.ISSUED },
          { recipientPersonId: personId, status: In([LetterStatus.SIGNED]), needsResigning: true },
        ],
        order: { year: 'DESC' },
      }),
      this.dutyShifts(personId, today),
    ]);
    return {
      gridRoles: gridRoles.map(toGridAssignment),
      posts: posts.map(toPost),
      lettersToSign: letters.map(toResponsibilityLetter),
      dutyShifts,
    };
  }

  private async dutyShifts(personId: string, today: string): Promise<MyDutyShift[]> {
    const until = calendarDateOf(new Date(Date.now() + (DUTY_LOOKAHEAD_DAYS - 1) * 24 * 3600 * 1000));
    const rows: { rosterId: string; rosterName: string; date: string; shiftName: string; asLeader: number }[] = await this.dataSource.query(
      `SELECT s.roster_id AS rosterId, r.name AS rosterName, s.duty_date AS date, s.shift_name AS shiftName,
              s.leader_person_id = ? AS asLeader
         FROM duty_slot s JOIN duty_roster r ON r.id = s.roster_id
        WHERE s.duty_date BETWEEN ? AND ?
          AND (s.leader_person_id = ? OR EXISTS (SELECT 1 FROM duty_slot_officer o WHERE o.slot_id = s.id AND o.person_id = ?))
        ORDER BY s.duty_date, s.shift_name`,
      [personId, today, until, personId, personId],
    );
    return rows.map((row) => ({ ...row, date: String(row.date).slice(0, 10), asLeader: Number(row.asLeader) === 1 }));
  }
}
