import { FeatureModule } from '@campus/server';
import type { EducationDeps } from '../service';
import { EducationOverviewLoader } from './education-overview.loader';
import { OrgUnitEducationOverviewResolver } from './education-overview.resolver';

/** 单位概况: OrgUnit.educationOverview and educationRanking for department dashboards (reads coverage rollups and drills). */
export const EDUCATION_OVERVIEW_MODULE: FeatureModule<EducationDeps> = {
  name: 'education-overview',
  entities: [],
  migrations: [],
  resolvers: ({ dataSource, directory, settings }) => [new OrgUnitEducationOverviewResolver(new EducationOverviewLoader(dataSource, directory, settings.now))],
};
