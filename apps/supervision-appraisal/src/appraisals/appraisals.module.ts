import { FeatureModule, PeriodicJob, perService } from '@campus/server';
import { EDUCATION_FACTS_MODULE } from '../education-facts/education-facts.module';
import { HAZARD_FACTS_MODULE } from '../hazard-facts/hazard-facts.module';
import { Appraisals1764600000070 } from '../migrations/1764600000070-appraisals';
import { AppraisalRefresh1764600000071 } from '../migrations/1764600000071-appraisal-refresh';
import { AppraisalObjections1764600000072 } from '../migrations/1764600000072-appraisal-objections';
import { AppraisalTouchedPaths1764600000073 } from '../migrations/1764600000073-appraisal-touched-paths';
import type { AppraisalDeps } from '../service';
import { APPRAISAL_POLICY } from './appraisal.access';
import { AppraisalWorkflowResolver } from './appraisal-workflow.resolver';
import { AppraisalWorkflowService } from './appraisal-workflow.service';
import { AppraisalEntity, AppraisalObjectionRow, AppraisalValueRow, AppraisalVetoRow } from './appraisal.entity';
import { AppraisalResolver } from './appraisal.resolver';
import { AppraisalService } from './appraisal.service';
import { OrgUnitAppraisalsResolver } from './org-unit-appraisals.resolver';
import { refreshMarked, refreshMarkers } from './process-refresh';

/**
 * How often marked process appraisals are recomputed when nothing wakes the job: this instance's consumer wakes
 * it for each event it applies; the interval picks up marks written by other instances.
 */
const REFRESH_INTERVAL_MS = 500;
/** How often results whose objection window closed are made final. */
const FINALISE_INTERVAL_MS = 60_000;

const refreshJob = perService(({ dataSource, logger }: AppraisalDeps) => new PeriodicJob('appraisal refresh', REFRESH_INTERVAL_MS, logger, async () => ({ refreshed: await refreshMarked(dataSource, new Date()) })));

/** 考核: schemes brought into force, appraisals computed from the facts (process and year-end), vetoes, grades and ranks. */
export const APPRAISALS_MODULE: FeatureModule<AppraisalDeps> = {
  name: 'appraisals',
  entities: [AppraisalEntity, AppraisalValueRow, AppraisalVetoRow, AppraisalObjectionRow],
  migrations: [Appraisals1764600000070, AppraisalRefresh1764600000071, AppraisalObjections1764600000072, AppraisalTouchedPaths1764600000073],
  scopedTables: ['appraisal'],
  policies: [APPRAISAL_POLICY],
  resolvers: ({ dataSource }) => [
    new AppraisalResolver(new AppraisalService(dataSource, () => new Date())),
    new AppraisalWorkflowResolver(new AppraisalWorkflowService(dataSource, () => new Date())),
    new OrgUnitAppraisalsResolver(dataSource),
  ],
  // Every event the facts take marks the process appraisals it touches; the job recomputes the marked units.
  eventHandlers: (deps) =>
    refreshMarkers(
      [HAZARD_FACTS_MODULE, EDUCATION_FACTS_MODULE].flatMap((module) => (module.eventHandlers?.(deps) ?? []).map((handler) => handler.contract)),
      () => refreshJob(deps).wake(),
    ),
  jobs: (deps) => [
    refreshJob(deps),
    new PeriodicJob('appraisal finalising', FINALISE_INTERVAL_MS, deps.logger, async () => ({ finalised: await new AppraisalWorkflowService(deps.dataSource, () => new Date()).finalize() })),
  ],
};
