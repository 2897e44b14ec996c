export * from './directory';
export * from './projection';
export * from './projection.module';
export * from './unit-batch';
export * from './projected-overviews';
