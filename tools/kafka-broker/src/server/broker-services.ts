import type { GroupCoordinator } from '../groups/coordinator-api';
import type { LogManager } from '../log/log-manager';
import type { RequestHeader } from '../protocol/request-header';
import type { BrokerLogger } from './logger';

/** The broker's one node: id 0, controller and coordinator of everything. */
export const BROKER_NODE_ID = 0;

/** What request handlers work with. */
export interface BrokerServices {
  logs: LogManager;
  coordinator: GroupCoordinator;
  /** Host and port clients are told to connect to (Metadata, FindCoordinator). */
  advertised: { host: string; port: number };
  /** Whether Metadata may create unknown topics when the request allows it. */
  autoCreateTopics: boolean;
  clusterId: string;
  logger: BrokerLogger;
}

export interface RequestContext {
  header: RequestHeader;
  /** Kafka's form: `/` + the client's address. */
  clientHost: string;
}

export interface HandlerResult {
  /** The response body, or null when the request gets no response (acks = 0 produce). */
  body: Buffer | null;
  /** Extra fields for the request's log line (topics, group). */
  detail?: Record<string, unknown>;
}

export type RequestHandler = (body: Buffer, context: RequestContext) => Promise<HandlerResult>;
