/** Identifies one partition in waits and notifications. */
export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

interface Waiter {
  keys: ReadonlySet<string>;
  wake: () => void;
}

/** Lets parked Fetch requests sleep until a batch lands in a partition they read, or their wait ends. */
export class AppendNotifier {
  private readonly waiters = new Set<Waiter>();

  /**
   * Resolves when any of `keys` is notified, after `timeoutMs`, or on `wakeAll`. Registers the waiter
   * synchronously, so an append right after this call is not missed.
   */
  waitForAny(keys: Iterable<string>, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        keys: new Set(keys),
        wake: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(waiter.wake, Math.max(0, timeoutMs));
      this.waiters.add(waiter);
    });
  }

  notify(key: string): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.keys.has(key)) waiter.wake();
    }
  }

  wakeAll(): void {
    for (const waiter of [...this.waiters]) waiter.wake();
  }
}
