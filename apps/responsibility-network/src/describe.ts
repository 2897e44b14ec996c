import 'reflect-metadata';
import { describeService } from '@campus/server';
import { DataSource } from 'typeorm';
import { buildResponsibilitySchema, RESPONSIBILITY_MODULES } from './service';

// Building the schema touches no database; the printer only needs its shape.
describeService(RESPONSIBILITY_MODULES, () => buildResponsibilitySchema({} as DataSource, { ttlSeconds: 3600 }));
