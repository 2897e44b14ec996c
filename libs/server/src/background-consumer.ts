import type { EventConsumer } from '@campus/events';
import type { Logger } from '@campus/logger';

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * Starts consuming without holding up the API: joining the group waits for the broker and, after a crash,
 * for the dead member's session to lapse. A failed start (the broker away) is tried again, waiting twice as
 * long each time up to 30 s; events wait in the broker meanwhile, none is lost.
 */
export function consumeInBackground(consumer: Pick<EventConsumer, 'start'>, logger: Logger, firstRetryMs = FIRST_RETRY_MS): { joined: () => boolean } {
  let joined = false;
  const attempt = (retryMs: number) => {
    consumer.start().then(
      () => {
        joined = true;
        logger.info('event consumer joined its group');
      },
      (error: unknown) => {
        logger.warn({ err: error, retryInMs: retryMs }, 'event consumer could not start; trying again');
        setTimeout(() => attempt(Math.min(retryMs * 2, LONGEST_RETRY_MS)), retryMs).unref();
      },
    );
  };
  attempt(firstRetryMs);
  return { joined: () => joined };
}
