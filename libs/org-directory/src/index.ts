export * from './directory';
export * from './projection';
