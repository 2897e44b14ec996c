import { FeatureModule } from '@campus/server';
import { Appraisals1764600000070 } from '../migrations/1764600000070-appraisals';
import type { AppraisalDeps } from '../service';
import { APPRAISAL_POLICY } from './appraisal.access';
import { AppraisalEntity, AppraisalValueRow, AppraisalVetoRow } from './appraisal.entity';
import { AppraisalResolver } from './appraisal.resolver';
import { AppraisalService } from './appraisal.service';

/** 考核: schemes brought into force, appraisals computed from the facts (process and year-end), vetoes, grades and ranks. */
export const APPRAISALS_MODULE: FeatureModule<AppraisalDeps> = {
  name: 'appraisals',
  entities: [AppraisalEntity, AppraisalValueRow, AppraisalVetoRow],
  migrations: [Appraisals1764600000070],
  scopedTables: ['appraisal'],
  policies: [APPRAISAL_POLICY],
  resolvers: ({ dataSource }) => [new AppraisalResolver(new AppraisalService(dataSource, () => new Date()))],
};
