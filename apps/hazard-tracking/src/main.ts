import 'reflect-metadata';
import { runSubgraphService } from '@campus/server';
import { HAZARD_SERVICE } from './service';

void runSubgraphService(HAZARD_SERVICE);
