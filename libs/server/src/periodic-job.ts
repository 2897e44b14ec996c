import type { Logger } from '@campus/logger';
import type { BackgroundJob } from './kit/feature-module';

/** What one run did, as counts; a run that counted something is logged. */
export type RunCounts = Record<string, number>;

/**
 * A background job that runs now, then `intervalMs` after each run finishes, until stop(). A failed run is
 * logged and the next one tries again. Several instances may run it: the work itself must be safe for that.
 */
export class PeriodicJob implements BackgroundJob {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private inFlight: Promise<unknown> | null = null;
  /** A wake() came during a run: the next run starts as soon as this one ends. */
  private wokenDuringRun = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly run: () => Promise<RunCounts>,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Clears the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  /** Runs now instead of at the end of the interval; during a run, another follows it at once. */
  wake(): void {
    if (!this.running) return;
    if (this.inFlight) {
      this.wokenDuringRun = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.inFlight = this.run()
        .then((counts) => {
          if (Object.values(counts).some((count) => count > 0)) this.logger.info(counts, `${this.name}: run done`);
        })
        .catch((error: unknown) => this.logger.warn({ err: error }, `${this.name}: run failed`))
        .finally(() => {
          this.inFlight = null;
          const delayMs = this.wokenDuringRun ? 0 : this.intervalMs;
          this.wokenDuringRun = false;
          if (this.running) this.schedule(delayMs);
        });
    }, delayMs);
    this.timer.unref?.();
  }
}
