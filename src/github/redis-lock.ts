import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ReviewLock } from './review-lock.js';

export interface RedisLockSettings {
  /** How long the lock lives without renewal, so a crashed owner frees it. */
  ttlMs: number;
  /** How long a task waits for the lock before it fails. */
  maxWaitMs: number;
  /** The first and the longest pause between attempts to take a busy lock; pauses double in between. */
  minPollMs: number;
  maxPollMs: number;
  sleep: (milliseconds: number) => Promise<void>;
  now: () => number;
  /** Called when renewing or releasing the lock fails; the task's own result is kept. */
  onError: (error: unknown, key: string) => void;
}

export const DEFAULT_REDIS_LOCK_SETTINGS: Omit<RedisLockSettings, 'onError'> = {
  ttlMs: 60_000,
  // Long enough for a review of a large repository that waits for rate limits.
  maxWaitMs: 15 * 60_000,
  minPollMs: 50,
  maxPollMs: 2_000,
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  now: Date.now,
};

// Both scripts act only when the key still holds the caller's token, so an
// owner whose lock expired cannot release or extend the next owner's lock.
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/** Thrown when another owner held the lock for longer than `maxWaitMs`. */
export class LockTimeoutError extends Error {
  constructor(key: string, waitedMs: number) {
    super(`timed out after ${waitedMs} ms waiting for the Redis lock ${key}, which another promgate instance holds`);
    this.name = 'LockTimeoutError';
  }
}

/**
 * A lock shared by every instance that uses the same Redis: `SET NX PX` with
 * a random token, renewed every third of its lifetime while the task runs,
 * and released only by the owner of the token.
 */
export class RedisLock implements ReviewLock {
  constructor(
    private readonly redis: Redis,
    private readonly settings: RedisLockSettings,
  ) {}

  async runExclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    const redisKey = `promgate:lock:${key}`;
    const token = randomUUID();
    await this.acquire(redisKey, token);

    const renewal = setInterval(() => {
      this.redis.eval(RENEW_SCRIPT, 1, redisKey, token, String(this.settings.ttlMs)).catch((error: unknown) => this.settings.onError(error, redisKey));
    }, Math.max(1, Math.floor(this.settings.ttlMs / 3)));
    renewal.unref();

    try {
      return await task();
    } finally {
      clearInterval(renewal);
      await this.redis.eval(RELEASE_SCRIPT, 1, redisKey, token).catch((error: unknown) => this.settings.onError(error, redisKey));
    }
  }

  private async acquire(redisKey: string, token: string): Promise<void> {
    const started = this.settings.now();
    let pause = this.settings.minPollMs;
    while ((await this.redis.set(redisKey, token, 'PX', this.settings.ttlMs, 'NX')) !== 'OK') {
      const waited = this.settings.now() - started;
      if (waited >= this.settings.maxWaitMs) throw new LockTimeoutError(redisKey, waited);
      await this.settings.sleep(pause);
      pause = Math.min(pause * 2, this.settings.maxPollMs);
    }
  }
}
