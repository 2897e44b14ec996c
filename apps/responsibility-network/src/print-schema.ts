import 'reflect-metadata';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { printSubgraphSdl } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { buildResponsibilitySchema } from './schema';

// Building the schema touches no database; the printer only needs its shape.
printSubgraphSdl(() => buildResponsibilitySchema({} as DataSource, { ttlSeconds: 1 }, NO_OUTBOX_SIGNAL));
