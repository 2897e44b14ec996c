import { ResponsibilityModule } from '../module';

export const GRIDS_MODULE: ResponsibilityModule = {
  entities: [],
  migrations: [],
  resolverClasses: [],
  createResolvers: () => new Map(),
};
