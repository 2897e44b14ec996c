import { RequestContext } from '@campus/graphql';
import { Grids1764200000002 } from '../migrations/1764200000002-grids';
import { ModuleDependencies, ResponsibilityModule } from '../module';
import { PlaceService } from '../places/place.service';
import { GridAssignmentEntity } from './grid-assignment.entity';
import { GridAssignmentResolver } from './grid-assignment.resolver';
import { GridAssignmentService } from './grid-assignment.service';
import { GridReportResolver } from './grid-report.resolver';
import { GridReportService } from './grid-report.service';
import { GridEntity } from './grid.entity';
import { GridResolver, loadGrid } from './grid.resolver';
import { GridService } from './grid.service';
import { PlaceGridResolver } from './place-grid.resolver';

function createResolvers({ dataSource, outbox, orgUnits, people }: ModuleDependencies): Map<Function, unknown> {
  const grids = new GridService(dataSource, orgUnits);
  const assignments = new GridAssignmentService(dataSource, outbox, grids, orgUnits);
  const places = new PlaceService(dataSource, outbox, orgUnits);
  return new Map<Function, unknown>([
    [GridResolver, new GridResolver(grids, assignments, places, orgUnits)],
    [GridAssignmentResolver, new GridAssignmentResolver(assignments, grids, people)],
    [GridReportResolver, new GridReportResolver(new GridReportService(dataSource, orgUnits))],
    [PlaceGridResolver, new PlaceGridResolver(grids)],
  ]);
}

export const GRIDS_MODULE: ResponsibilityModule = {
  entities: [GridEntity, GridAssignmentEntity],
  orgPathColumns: [{ table: 'grid', column: 'org_path' }],
  migrations: [Grids1764200000002],
  resolverClasses: [GridResolver, GridAssignmentResolver, GridReportResolver, PlaceGridResolver],
  createResolvers,
  referenceResolvers: ({ dataSource, orgUnits }) => {
    const grids = new GridService(dataSource, orgUnits);
    return { Grid: { __resolveReference: (reference: { id: string }, context: RequestContext) => loadGrid(grids, context, reference.id) } };
  },
};
