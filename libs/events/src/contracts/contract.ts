import { ServiceName } from '@campus/config';
import { datetimeRegex, z, ZodType } from 'zod';

/**
 * Every event type the services exchange, in one place: its name, schema version and payload schema.
 * Producers build payloads of these types; consumers validate what they read against them.
 * A breaking change is a new version; consumers name the versions they understand.
 */
export interface EventContract<P> {
  type: string;
  version: number;
  /** The producing service: the event goes to topic campus.<producer>.events. */
  producer: ServiceName;
  schema: ZodType<P>;
}

export { topicOf } from '@campus/config';
export type { ServiceName } from '@campus/config';

export function contract<P>(producer: ServiceName, type: string, version: number, schema: ZodType<P>): EventContract<P> {
  return { producer, type, version, schema };
}

export const id = z.string().min(1).max(64);
export const orgPath = z.string().regex(/^\/([A-Za-z0-9_-]+\/)+$/, 'org path like /a/b/');
/** zod's own datetime pattern (offset allowed), compiled once: .datetime() builds its RegExp on every parse, for every field. */
export const isoDateTime = z.string().regex(datetimeRegex({ offset: true }), 'Invalid datetime');
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export type PayloadOf<C> = C extends EventContract<infer P> ? P : never;
