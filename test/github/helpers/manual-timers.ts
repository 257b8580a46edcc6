import type { TimerScheduler } from '../../../src/github/fetch-with-timeout.js';

/**
 * Request timers that never fire by themselves. A test fires the timer of
 * one request, named `METHOD url`, to simulate its timeout without waiting.
 */
export class ManualTimers {
  private readonly pending = new Map<() => void, string>();

  readonly schedule: TimerScheduler = (callback, _milliseconds, label) => {
    this.pending.set(callback, label);
    return () => {
      this.pending.delete(callback);
    };
  };

  /** Fires the pending timers of the requests named `label`, and returns how many fired. */
  fire(label: string): number {
    let fired = 0;
    for (const [callback, pendingLabel] of [...this.pending]) {
      if (pendingLabel !== label) continue;
      this.pending.delete(callback);
      callback();
      fired += 1;
    }
    return fired;
  }
}
