import { ORG_UNIT_REFERENCE_RESOLVER } from '@campus/graphql';
import { FeatureModule } from '@campus/server';
import { DataSource } from 'typeorm';
import { httpOrgUnitDirectory, OrgUnitDirectory } from './directory';
import {
  OrgUnitProjection1764100000001,
  OrgUnitProjectionCodes1764400000000,
  orgProjectionHandlers,
  OrgUnitProjectionRow,
  projectedOrgUnitDirectory,
} from './projection';

/**
 * The org tree as a service other than responsibility-network keeps it: the projection table, the
 * handlers that keep it (and move every module's scoped rows with a moved unit), and OrgUnit as a
 * reference to contribute fields to.
 */
export const ORG_PROJECTION_MODULE: FeatureModule = {
  name: 'org-projection',
  entities: [OrgUnitProjectionRow],
  migrations: [OrgUnitProjection1764100000001, OrgUnitProjectionCodes1764400000000],
  eventHandlers: ({ scopedColumns }) => orgProjectionHandlers(scopedColumns),
  referenceResolvers: () => ORG_UNIT_REFERENCE_RESOLVER,
};

/** The directory of a service with a projection: its own rows first, the org service over HTTP for a unit not projected yet. */
export function serviceOrgDirectory(dataSource: DataSource, orgDirectoryUrl: string, gatewaySecret?: string): OrgUnitDirectory {
  return projectedOrgUnitDirectory(dataSource, httpOrgUnitDirectory(orgDirectoryUrl, gatewaySecret));
}
