import 'reflect-metadata';
import { OrgUnitDirectory } from '@campus/org-directory';
import { describeService } from '@campus/server';
import { DataSource } from 'typeorm';
import { APPRAISAL_MODULES, buildAppraisalSchema } from './service';

// Building the schema touches no database or directory; the printer only needs its shape.
describeService(APPRAISAL_MODULES, () => buildAppraisalSchema({} as DataSource, {} as OrgUnitDirectory));
