import { FeatureModule } from '@campus/server';
import { Screening1764500000060 } from '../migrations/1764500000060-screening';
import type { EducationDeps } from '../service';
import { ScreeningAccessLogService } from './screening-access-log';
import { SCREENING_ACCESS_LOG_POLICY, SCREENING_COUNTS_POLICY, SCREENING_POLICY } from './screening.access';
import { ScreeningEntryEntity, ScreeningRecordEntity } from './screening.entity';
import { OrgUnitScreeningResolver } from './org-unit-screening.resolver';
import { ScreeningResolver } from './screening.resolver';
import { ScreeningService } from './screening.service';

/** 心理问题学生排查干预台账: records readable only by counsellors, every read logged; counts for everyone else. */
export const SCREENING_MODULE: FeatureModule<EducationDeps> = {
  name: 'screening',
  entities: [ScreeningRecordEntity, ScreeningEntryEntity],
  migrations: [Screening1764500000060],
  scopedTables: ['screening_record', 'screening_access_log'],
  policies: [SCREENING_POLICY, SCREENING_ACCESS_LOG_POLICY, SCREENING_COUNTS_POLICY],
  resolvers: ({ dataSource, directory, settings }) => [
    new ScreeningResolver(new ScreeningService(dataSource, directory, settings), new ScreeningAccessLogService(dataSource, directory), dataSource),
    new OrgUnitScreeningResolver(dataSource, directory),
  ],
};
