import { FeatureModule } from '@campus/server';
import { HealthChecks1765000000600 } from '../migrations/1765000000600-health-checks';
import type { EducationDeps } from '../service';
import { HealthCheckCompletionResolver } from './health-check-completion.resolver';
import {
  HEALTH_CHECK_COMPLETION_POLICY,
  HEALTH_CHECK_POLICY,
  HEALTH_CHECK_SCHEDULE_POLICY,
  ILLNESS_ABSENCE_POLICY,
} from './health-check.access';
import { HealthCheckEntity, HealthCheckRevisionEntity, HealthCheckScheduleEntity, IllnessAbsenceEntity } from './health-check.entity';
import { HealthCheckResolver } from './health-check.resolver';
import { HealthCheckService } from './health-check.service';
import { IllnessAbsenceResolver } from './illness-absence.resolver';
import { IllnessAbsenceService } from './illness-absence.service';

/**
 * 晨午晚检 per class (its entry time the server's, so 迟报 and 补填 show and 漏填 is counted) and 因病缺课追踪
 * (cause within a day, return); completion rates per unit with an Excel download. No events: student health
 * data stays in this service.
 */
export const HEALTH_CHECKS_MODULE: FeatureModule<EducationDeps> = {
  name: 'health-checks',
  entities: [HealthCheckEntity, HealthCheckRevisionEntity, HealthCheckScheduleEntity, IllnessAbsenceEntity],
  migrations: [HealthChecks1765000000600],
  scopedTables: ['health_check', 'health_check_schedule', 'illness_absence'],
  policies: [HEALTH_CHECK_POLICY, HEALTH_CHECK_SCHEDULE_POLICY, HEALTH_CHECK_COMPLETION_POLICY, ILLNESS_ABSENCE_POLICY],
  resolvers: ({ dataSource, directory, settings }) => [
    new HealthCheckResolver(new HealthCheckService(dataSource, directory, settings), dataSource),
    new IllnessAbsenceResolver(new IllnessAbsenceService(dataSource, directory, settings), dataSource),
    new HealthCheckCompletionResolver(dataSource, directory, settings),
  ],
};
