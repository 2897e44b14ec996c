import { FeatureModule } from '@campus/server';
import { Initial1764000000000 } from '../migrations/1764000000000-initial';
import type { AppraisalDeps } from '../service';
import { APPRAISAL_SCHEME_POLICY } from './appraisal-scheme.access';
import { AppraisalIndicatorEntity, AppraisalSchemeEntity } from './appraisal-scheme.entity';
import { AppraisalSchemeResolver } from './appraisal-scheme.resolver';
import { AppraisalSchemeService } from './appraisal-scheme.service';
import { OrgUnitSchemesResolver } from './org-unit-schemes.resolver';

/** 考核方案: appraisal schemes with their weighted indicators, and OrgUnit.appraisalSchemes. */
export const APPRAISAL_SCHEMES_MODULE: FeatureModule<AppraisalDeps> = {
  name: 'appraisal-schemes',
  entities: [AppraisalSchemeEntity, AppraisalIndicatorEntity],
  migrations: [Initial1764000000000],
  scopedTables: ['appraisal_scheme'],
  policies: [APPRAISAL_SCHEME_POLICY],
  resolvers: ({ dataSource, directory }) => {
    const schemes = new AppraisalSchemeService(dataSource, directory);
    return [new AppraisalSchemeResolver(schemes), new OrgUnitSchemesResolver(schemes)];
  },
};
