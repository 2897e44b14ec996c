import { createLogger } from '@campus/logger';
import { consumeInBackground } from './background-consumer';

describe('consumeInBackground', () => {
  const logger = createLogger('background-consumer-spec', 'silent');
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('answers at once, not joined, while the start is under way; joined once it has', async () => {
    let finish: () => void = () => undefined;
    const consuming = consumeInBackground({ start: () => new Promise<void>((resolve) => (finish = resolve)) }, logger);
    expect(consuming.joined()).toBe(false);
    finish();
    await sleep(0);
    expect(consuming.joined()).toBe(true);
  });

  it('tries a failed start again, waiting longer each time, until it joins', async () => {
    const attempts: number[] = [];
    const consuming = consumeInBackground(
      {
        start: async () => {
          attempts.push(Date.now());
          if (attempts.length < 3) throw new Error('broker away');
        },
      },
      logger,
      20,
    );
    await sleep(200);
    expect(attempts).toHaveLength(3);
    // Each wait is at least its step of the back-off (20 ms, then 40 ms): compared with the schedule rather than with
    // each other, since a loaded machine can delay the first timer past the second's length. (Timers may fire ~1 ms early.)
    expect(attempts[1] - attempts[0]).toBeGreaterThanOrEqual(19);
    expect(attempts[2] - attempts[1]).toBeGreaterThanOrEqual(39);
    expect(consuming.joined()).toBe(true);
  });
});
