import 'reflect-metadata';
import { OrgUnitDirectory } from '@campus/org-directory';
import { describeService } from '@campus/server';
import { DataSource } from 'typeorm';
import { buildEducationSchema, EDUCATION_MODULES } from './service';

// Building the schema touches no database or directory; the printer only needs its shape.
describeService(EDUCATION_MODULES, () => buildEducationSchema({} as DataSource, {} as OrgUnitDirectory));
