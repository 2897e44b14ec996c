import { ResponsibilityModule } from '../module';

export const WORK_GROUPS_MODULE: ResponsibilityModule = {
  entities: [],
  migrations: [],
  resolverClasses: [],
  createResolvers: () => new Map(),
};
