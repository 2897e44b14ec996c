import 'reflect-metadata';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { printSubgraphSdl } from '@campus/graphql';
import { OrgUnitDirectory } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { buildHazardSchema } from './schema';

// Building the schema touches no database or directory; the printer only needs its shape.
printSubgraphSdl(() => buildHazardSchema({} as DataSource, {} as OrgUnitDirectory, NO_OUTBOX_SIGNAL));
