import { ResponsibilityModule } from '../module';

export const PLACES_MODULE: ResponsibilityModule = {
  entities: [],
  migrations: [],
  resolverClasses: [],
  createResolvers: () => new Map(),
};
