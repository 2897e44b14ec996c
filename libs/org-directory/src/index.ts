export * from './directory';
export * from './projection';
export * from './projection.module';
