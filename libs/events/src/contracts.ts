/**
 * Every event type the services exchange: one file per producing service under contracts/, each event's
 * name, schema version and payload schema. Producers build payloads of these types; consumers validate
 * what they read against them. A breaking change is a new version; consumers name the versions they understand.
 */
export { contract, EventContract, PayloadOf, ServiceName, topicOf } from './contracts/contract';
export * from './contracts/responsibility-network';
export * from './contracts/hazard-tracking';
export * from './contracts/hazard-notices';
export * from './contracts/education-drills';
export * from './contracts/supervision-appraisal';
