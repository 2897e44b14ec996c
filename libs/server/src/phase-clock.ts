import { performance } from 'node:perf_hooks';

/**
 * Milliseconds per named phase, each timed from the end of the one before, for a log line that says
 * where a start or a stop spent its time. Started 'at process start', the first phase includes loading
 * the modules (performance.now() counts from the process's start).
 */
export class PhaseClock {
  readonly phases: Record<string, number> = {};
  private mark: number;

  constructor(
    from: 'now' | 'process start' = 'now',
    private readonly now: () => number = () => performance.now(),
  ) {
    this.mark = from === 'now' ? now() : 0;
  }

  /** The phase that just ended. */
  end(phase: string): void {
    const now = this.now();
    this.phases[phase] = Math.round(now - this.mark);
    this.mark = now;
  }

  get totalMs(): number {
    return Object.values(this.phases).reduce((sum, ms) => sum + ms, 0);
  }
}
