import { performance } from 'node:perf_hooks';
import { PhaseClock } from './phase-clock';

describe('PhaseClock', () => {
  it('times each phase from the end of the one before, in order, and adds them up', () => {
    const readings = [1000, 1250.4, 1300];
    const clock = new PhaseClock('now', () => readings.shift()!);
    clock.end('database');
    clock.end('schema');
    expect(clock.phases).toEqual({ database: 250, schema: 50 });
    expect(Object.keys(clock.phases)).toEqual(['database', 'schema']);
    expect(clock.totalMs).toBe(300);
  });

  it('counts the first phase from the process start when asked to', () => {
    const clock = new PhaseClock('process start', () => 2400);
    clock.end('modules');
    expect(clock.phases).toEqual({ modules: 2400 });
  });

  it('reads the process clock by default', () => {
    const clock = new PhaseClock('process start');
    const before = performance.now();
    clock.end('modules');
    expect(clock.phases.modules).toBeGreaterThanOrEqual(Math.floor(before));
  });
});
