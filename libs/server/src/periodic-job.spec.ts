import { createLogger } from '@campus/logger';
import { PeriodicJob } from './periodic-job';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicJob.wake', () => {
  const logger = createLogger('periodic-job-spec', 'silent');

  it('runs at once when woken between runs, instead of at the end of the interval', async () => {
    const runsAt: number[] = [];
    const job = new PeriodicJob('test', 60_000, logger, async () => (runsAt.push(Date.now()), {}));
    job.start();
    await sleep(20);
    const wokenAt = Date.now();
    job.wake();
    for (let waited = 0; runsAt.length < 2 && waited < 5_000; waited += 10) await sleep(10);
    await job.stop();
    expect(runsAt).toHaveLength(2);
    // Woken, it ran long before the 60 s interval was up (the bound leaves room for a loaded CI machine).
    expect(runsAt[1] - wokenAt).toBeLessThan(5_000);
  });

  it('follows a run in progress with another at once when woken during it, and runs once for many wakes', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const job = new PeriodicJob('test', 60_000, logger, async () => {
      runs += 1;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
      return {};
    });
    job.start();
    await sleep(20);
    job.wake();
    job.wake();
    release();
    await sleep(50);
    await job.stop();
    expect(runs).toBe(2);
  });

  it('does nothing once stopped', async () => {
    let runs = 0;
    const job = new PeriodicJob('test', 60_000, logger, async () => (runs++, {}));
    job.start();
    await sleep(20);
    await job.stop();
    job.wake();
    await sleep(30);
    expect(runs).toBe(1);
  });
});
