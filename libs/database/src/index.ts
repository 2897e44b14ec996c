export * from './data-source';
export * from './org-scope';
export * from './ids';
export * from './errors';
export * from './recent-first';
export * from './scoped-record';
export * from './rows-by-ids';
export * from './chunks';
