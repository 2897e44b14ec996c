import { FeatureModule, PeriodicJob } from '@campus/server';
import { EDUCATION_FACTS_MODULE } from '../education-facts/education-facts.module';
import { HAZARD_FACTS_MODULE } from '../hazard-facts/hazard-facts.module';
import { Appraisals1764600000070 } from '../migrations/1764600000070-appraisals';
import { AppraisalRefresh1764600000071 } from '../migrations/1764600000071-appraisal-refresh';
import type { AppraisalDeps } from '../service';
import { APPRAISAL_POLICY } from './appraisal.access';
import { AppraisalEntity, AppraisalValueRow, AppraisalVetoRow } from './appraisal.entity';
import { AppraisalResolver } from './appraisal.resolver';
import { AppraisalService } from './appraisal.service';
import { refreshMarked, refreshMarkers } from './process-refresh';

/** How often marked process appraisals are recomputed: an event shows in the process appraisal within about this. */
const REFRESH_INTERVAL_MS = 500;

/** 考核: schemes brought into force, appraisals computed from the facts (process and year-end), vetoes, grades and ranks. */
export const APPRAISALS_MODULE: FeatureModule<AppraisalDeps> = {
  name: 'appraisals',
  entities: [AppraisalEntity, AppraisalValueRow, AppraisalVetoRow],
  migrations: [Appraisals1764600000070, AppraisalRefresh1764600000071],
  scopedTables: ['appraisal'],
  policies: [APPRAISAL_POLICY],
  resolvers: ({ dataSource }) => [new AppraisalResolver(new AppraisalService(dataSource, () => new Date()))],
  // Every event the facts take marks the process appraisals it touches; the job recomputes the marked units.
  eventHandlers: (deps) => refreshMarkers([HAZARD_FACTS_MODULE, EDUCATION_FACTS_MODULE].flatMap((module) => (module.eventHandlers?.(deps) ?? []).map((handler) => handler.contract))),
  jobs: ({ dataSource, logger }) => [new PeriodicJob('appraisal refresh', REFRESH_INTERVAL_MS, logger, async () => ({ refreshed: await refreshMarked(dataSource, new Date()) }))],
};
