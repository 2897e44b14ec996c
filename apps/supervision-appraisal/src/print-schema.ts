import 'reflect-metadata';
import { printSubgraphSdl } from '@campus/graphql';
import { OrgUnitDirectory } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { buildAppraisalSchema } from './schema';

// Building the schema touches no database or directory; the printer only needs its shape.
printSubgraphSdl(() => buildAppraisalSchema({} as DataSource, {} as OrgUnitDirectory));
