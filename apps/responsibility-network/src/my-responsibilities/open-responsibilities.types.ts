import { CalendarDate } from '@campus/graphql';
import { Field, ID, ObjectType } from 'type-graphql';
import { PersonDutyShift } from '../duty-rosters/duty-responsibilities';
import { GridAssignment } from '../grids/grid.types';
import { ResponsibilityLetter } from '../letters/letter.types';
import { Post } from '../posts/post.types';

export const DUTY_LOOKAHEAD_DAYS = 14;

@ObjectType({ description: '我的值班班次' })
export class MyDutyShift implements PersonDutyShift {
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
