import { FeatureModule } from '@campus/server';
import type { ResponsibilityDeps } from '../service';
import { OpenResponsibilitiesResolver } from './open-responsibilities.resolver';

/**
 * 我的责任: `me { openResponsibilities }`, the signed-in person's open grid duties, posts, letters to sign
 * and coming duty shifts, composed from each area's own query. It owns no table.
 */
export const MY_RESPONSIBILITIES_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'my-responsibilities',
  resolvers: ({ dataSource }) => [new OpenResponsibilitiesResolver(dataSource)],
};
