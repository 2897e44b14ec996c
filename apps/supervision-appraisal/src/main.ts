import 'reflect-metadata';
import { runSubgraphService } from '@campus/server';
import { APPRAISAL_SERVICE } from './service';

void runSubgraphService(APPRAISAL_SERVICE);
