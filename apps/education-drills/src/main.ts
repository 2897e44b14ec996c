import 'reflect-metadata';
import { runSubgraphService } from '@campus/server';
import { EDUCATION_SERVICE } from './service';

void runSubgraphService(EDUCATION_SERVICE);
