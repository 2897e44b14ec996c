import 'reflect-metadata';
import { runSubgraphService } from '@campus/server';
import { RESPONSIBILITY_SERVICE } from './service';

void runSubgraphService(RESPONSIBILITY_SERVICE);
