export * from './errors';
export * from './format-error';
export * from './connection';
export * from './context';
export * from './federation';
export * from './references';
export * from './calendar-date';
export * from './unit-connections';
