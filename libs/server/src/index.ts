export * from './http';
export * from './subgraph';
export * from './shutdown';
export * from './service';
export * from './periodic-job';
