import { RequestContext } from '@campus/graphql';
import { FeatureModule, perService } from '@campus/server';
import { Grids1764200000002 } from '../migrations/1764200000002-grids';
import { placeServiceOf } from '../places/places.module';
import type { ResponsibilityDeps } from '../service';
import { GRID_ASSIGNMENT_POLICY } from './grid-assignment.access';
import { GridAssignmentEntity } from './grid-assignment.entity';
import { GridAssignmentResolver } from './grid-assignment.resolver';
import { GridAssignmentService } from './grid-assignment.service';
import { GRID_REPORT_POLICY } from './grid-report.access';
import { GridReportResolver } from './grid-report.resolver';
import { GridReportService } from './grid-report.service';
import { GRID_POLICY } from './grid.access';
import { GridEntity } from './grid.entity';
import { GridResolver, loadGrid } from './grid.resolver';
import { GridService } from './grid.service';
import { PlaceGridResolver } from './place-grid.resolver';

const gridServiceOf = perService(({ dataSource, orgUnits }: ResponsibilityDeps) => new GridService(dataSource, orgUnits));

/** 网格: grids of levels 1–3 over places, with dated leader and safety-officer terms and the roster. */
export const GRIDS_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'grids',
  entities: [GridEntity, GridAssignmentEntity],
  migrations: [Grids1764200000002],
  scopedTables: ['grid'],
  policies: [GRID_POLICY, GRID_ASSIGNMENT_POLICY, GRID_REPORT_POLICY],
  resolvers: (deps) => {
    const { dataSource, outbox, orgUnits, people } = deps;
    const grids = gridServiceOf(deps);
    const assignments = new GridAssignmentService(dataSource, outbox, orgUnits);
    return [
      new GridResolver(grids, assignments, placeServiceOf(deps), orgUnits),
      new GridAssignmentResolver(assignments, grids, people),
      new GridReportResolver(new GridReportService(dataSource, orgUnits)),
      new PlaceGridResolver(grids),
    ];
  },
  referenceResolvers: (deps) => ({
    Grid: { __resolveReference: (reference: { id: string }, context: RequestContext) => loadGrid(gridServiceOf(deps), context, reference.id) },
  }),
};
