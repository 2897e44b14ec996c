export * from './env';
export * from './service';
export * from './services';
export * from './production';
export * from './operation-limits';
export * from './overload-limits';
