import { ResponsibilityModule } from '../module';

export const LETTERS_MODULE: ResponsibilityModule = {
  entities: [],
  migrations: [],
  resolverClasses: [],
  createResolvers: () => new Map(),
};
