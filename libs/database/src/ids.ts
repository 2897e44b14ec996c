import { randomUUID } from 'node:crypto';

/** Opaque ids: UUIDs without dashes, so materialised paths stay short and LIKE-safe. */
export function newId(): string {
  return randomUUID().replace(/-/g, '');
}
