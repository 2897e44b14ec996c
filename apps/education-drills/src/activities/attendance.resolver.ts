import { callerOf, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { CheckInEducationActivityInput, ImportEducationAttendanceInput, MarkEducationAttendanceInput } from './activity.inputs';
import { EducationAttendanceImportReport, EducationAttendancePayload, EducationCheckInPayload } from './activity.types';
import { EducationAttendanceService } from './attendance.service';

@Authorized()
@Resolver()
export class EducationAttendanceResolver {
  constructor(private readonly attendance: EducationAttendanceService) {}

  @Mutation(() => EducationAttendanceImportReport, {
    description: '导入签到表 (.xlsx)：逐行校验，全部通过才导入，报告每个被拒绝的行；已签到的人不重复登记',
  })
  importEducationAttendance(@Arg('input') input: ImportEducationAttendanceInput, @Ctx() context: RequestContext): Promise<EducationAttendanceImportReport> {
    return this.attendance.importSheet(callerOf(context), input);
  }

  @Mutation(() => EducationAttendancePayload, { description: '组织者登记到场人员；已签到的人不重复登记' })
  async markEducationAttendance(@Arg('input') input: MarkEducationAttendanceInput, @Ctx() context: RequestContext): Promise<EducationAttendancePayload> {
    const { activity, recorded, alreadyRecorded } = await this.attendance.mark(callerOf(context), input);
    return { educationActivity: activity, recorded, alreadyRecorded };
  }

  @Mutation(() => EducationCheckInPayload, { description: '本人用签到码签到：签到人是登录账号关联的人员，签到时间内、参加对象范围内、每人一次' })
  checkInEducationActivity(@Arg('input') input: CheckInEducationActivityInput, @Ctx() context: RequestContext): Promise<EducationCheckInPayload> {
    return this.attendance.checkIn(callerOf(context), input);
  }
}
