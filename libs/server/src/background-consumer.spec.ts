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
    expect(attempts[2] - attempts[1]).toBeGreaterThanOrEqual(attempts[1] - attempts[0]);
    expect(consuming.joined()).toBe(true);
  });
});
