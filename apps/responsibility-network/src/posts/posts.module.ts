import { ResponsibilityModule } from '../module';

export const POSTS_MODULE: ResponsibilityModule = {
  entities: [],
  migrations: [],
  resolverClasses: [],
  createResolvers: () => new Map(),
};
