import { eventually } from './eventually';

describe('eventually', () => {
  it('reads until the value is done and returns it', async () => {
    let reads = 0;
    const value = await eventually(async () => ++reads, (count) => count === 3, 1_000, 1);
    expect(value).toBe(3);
    expect(reads).toBe(3);
  });

  it('returns the last value read once the timeout has passed', async () => {
    let reads = 0;
    const value = await eventually(async () => ++reads, () => false, 20, 5);
    expect(value).toBe(reads);
    expect(reads).toBeGreaterThan(1);
  });
});
