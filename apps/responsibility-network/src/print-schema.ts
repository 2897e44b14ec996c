import 'reflect-metadata';
import { printSubgraphSdl } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { buildResponsibilitySchema } from './schema';

// Building the schema touches no database; the printer only needs its shape.
printSubgraphSdl(() => buildResponsibilitySchema({} as DataSource, { ttlSeconds: 1 }));
