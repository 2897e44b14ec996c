export * from './env';
export * from './service';
export * from './services';
