import 'reflect-metadata';
import { OrgUnitDirectory } from '@campus/org-directory';
import { describeService } from '@campus/server';
import { DataSource } from 'typeorm';
import { buildHazardSchema, HAZARD_MODULES } from './service';

// Building the schema touches no database or directory; the printer only needs its shape.
describeService(HAZARD_MODULES, () => buildHazardSchema({} as DataSource, {} as OrgUnitDirectory));
