/** Runs tasks with the same key one at a time, such as the reviews of one pull request. */
export interface ReviewLock {
  runExclusive<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** Queues tasks per key within this process, in the order they arrive. */
export class LocalLock implements ReviewLock {
  private readonly tails = new Map<string, Promise<void>>();

  async runExclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let finish!: () => void;
    const current = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const tail = previous.then(() => current);
    this.tails.set(key, tail);

    await previous;
    try {
      return await task();
    } finally {
      finish();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/**
 * Takes the local lock first and the shared one inside it, so the tasks of
 * one instance queue in memory instead of polling Redis against each other.
 */
export class LayeredLock implements ReviewLock {
  constructor(
    private readonly local: ReviewLock,
    private readonly shared: ReviewLock | undefined,
  ) {}

  runExclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    const shared = this.shared;
    return this.local.runExclusive(key, () => (shared === undefined ? task() : shared.runExclusive(key, task)));
  }
}
