export * from './demo-seed';
export * from './mysql';
export * from './platform';
export * from './processes';
