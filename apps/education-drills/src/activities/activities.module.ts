import { FeatureModule, perService } from '@campus/server';
import { on, OrgUnitMoved } from '@campus/events';
import { EducationActivities1764500000010 } from '../migrations/1764500000010-education-activities';
import { EducationCoverageRollup1764500000090 } from '../migrations/1764500000090-education-coverage-rollup';
import type { EducationDeps } from '../service';
import { EducationExportResolver } from './activity-exports';
import { EDUCATION_ACTIVITY_POLICY } from './activity.access';
import { EducationActivityAudienceRow, EducationActivityEntity, EducationAttendanceRow } from './activity.entity';
import { EducationActivityResolver } from './activity.resolver';
import { EducationActivityService } from './activity.service';
import { EducationAttendanceResolver } from './attendance.resolver';
import { EducationAttendanceService } from './attendance.service';
import { moveCoverageSubtree } from './coverage-rollup';
import { EducationCoverageResolver, OrgUnitEducationResolver } from './org-unit-education.resolver';

const activityService = perService((deps: EducationDeps) => new EducationActivityService(deps.dataSource, deps.directory));

/** 安全教育: activities, attendance (sign-in sheet, check-in code, organiser's marks), coverage and the ledger. */
export const ACTIVITIES_MODULE: FeatureModule<EducationDeps> = {
  name: 'education-activities',
  entities: [EducationActivityEntity, EducationActivityAudienceRow, EducationAttendanceRow],
  migrations: [EducationActivities1764500000010, EducationCoverageRollup1764500000090],
  scopedTables: ['education_activity', 'education_activity_audience', { table: 'education_attendance', column: 'person_org_path' }],
  policies: [EDUCATION_ACTIVITY_POLICY],
  eventHandlers: () => [on(OrgUnitMoved, (manager, { payload }) => moveCoverageSubtree(manager, payload.oldPath, payload.newPath))],
  resolvers: (deps) => {
    const { dataSource, directory, outbox, settings } = deps;
    const activities = activityService(deps);
    return [
      new EducationActivityResolver(activities),
      new EducationAttendanceResolver(new EducationAttendanceService(dataSource, outbox, settings)),
      new OrgUnitEducationResolver(dataSource, directory),
      new EducationCoverageResolver(dataSource),
      new EducationExportResolver(dataSource, directory, activities),
    ];
  },
};
