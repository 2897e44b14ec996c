import { FeatureModule } from '@campus/server';
import { SafetyDays1764500000020 } from '../migrations/1764500000020-safety-days';
import type { EducationDeps } from '../service';
import { SafetyDayPlanService } from './safety-day-plan.service';
import { SAFETY_DAY_PLAN_POLICY, SAFETY_DAY_POLICY } from './safety-day.access';
import { SafetyDayActivityLinkEntity, SafetyDayEntity, SafetyDayPlanEntity } from './safety-day.entity';
import { SafetyDayResolver } from './safety-day.resolver';
import { SafetyDayService } from './safety-day.service';

/** 安全主题日: the national key safety days, units' own days, units' plans for them, and the calendar as .ics. */
export const SAFETY_DAYS_MODULE: FeatureModule<EducationDeps> = {
  name: 'safety-days',
  entities: [SafetyDayEntity, SafetyDayPlanEntity, SafetyDayActivityLinkEntity],
  migrations: [SafetyDays1764500000020],
  scopedTables: ['safety_day', 'safety_day_plan', 'safety_day_activity_link'],
  policies: [SAFETY_DAY_POLICY, SAFETY_DAY_PLAN_POLICY],
  resolvers: ({ dataSource, directory, settings }) => {
    const days = new SafetyDayService(dataSource, directory, settings.now);
    return [new SafetyDayResolver(days, new SafetyDayPlanService(dataSource, directory, days))];
  },
};
