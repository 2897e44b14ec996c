export * from './contracts';
export * from './tables';
export * from './outbox';
export * from './transport';
export * from './kafka-transport';
export * from './relay';
export * from './consumer';
