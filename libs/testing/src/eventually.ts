/**
 * Reads until `done` accepts the value or `timeoutMs` has passed, waiting `intervalMs` between reads, and
 * returns the last value read: the caller's assertions on it say what was still missing after the timeout.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
