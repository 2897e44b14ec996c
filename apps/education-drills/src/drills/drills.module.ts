import { FeatureModule } from '@campus/server';
import { Drills1764500000050 } from '../migrations/1764500000050-drills';
import type { EducationDeps } from '../service';
import { DRILL_POLICY } from './drill.access';
import { DrillEntity, DrillProblemEntity, DrillUnitEntity } from './drill.entity';
import { DrillEvaluation } from './drill-evaluation';
import { DrillFieldsResolver, EmergencyPlanDrillsResolver, OrgUnitDrillsResolver } from './drill-fields.resolver';
import { drillHazardHandlers } from './drill-hazards';
import { DrillReads } from './drill-reads';
import { DrillRecords } from './drill-records';
import { DrillResolver } from './drill.resolver';
import { DrillService } from './drill.service';

/** 应急演练: plan, execution, evaluation, problems raised as hazards (and their state), missing drills per term, the records workbook. */
export const DRILLS_MODULE: FeatureModule<EducationDeps> = {
  name: 'drills',
  entities: [DrillEntity, DrillUnitEntity, DrillProblemEntity],
  migrations: [Drills1764500000050],
  scopedTables: ['drill'],
  policies: [DRILL_POLICY],
  resolvers: ({ dataSource, directory, outbox, settings }) => {
    const drills = new DrillService(dataSource, directory, outbox, settings);
    const reads = new DrillReads(dataSource, directory, settings);
    return [
      new DrillResolver(drills, new DrillEvaluation(dataSource, outbox, settings), reads, new DrillRecords(dataSource, directory, settings)),
      new DrillFieldsResolver(reads),
      new EmergencyPlanDrillsResolver(reads),
      new OrgUnitDrillsResolver(drills),
    ];
  },
  eventHandlers: () => drillHazardHandlers(),
};
