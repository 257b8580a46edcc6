import type { Redis } from 'ioredis';

/** Records webhook delivery ids, so that a delivery GitHub sends twice is processed once. */
export interface DeliveryRegistry {
  /** Records the id and returns true, or returns false when the id was recorded before and has not expired. */
  claim(deliveryId: string): Promise<boolean>;
  /** Forgets the id, so that a redelivery after a failed attempt is processed again. */
  release(deliveryId: string): Promise<void>;
}

/**
 * How long a delivery id is remembered. A person can redeliver a past delivery
 * from the App's settings page; after a day, it is processed as a new event.
 */
export const DELIVERY_TTL_SECONDS = 24 * 60 * 60;

/** Keeps delivery ids in this process, for a single instance. */
export class MemoryDeliveryRegistry implements DeliveryRegistry {
  /** Delivery ids with their expiry time, oldest first. */
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = DELIVERY_TTL_SECONDS * 1000,
    private readonly maxEntries = 100_000,
  ) {}

  async claim(deliveryId: string): Promise<boolean> {
    const now = this.now();
    for (const [id, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(id);
    }
    if (this.expiries.has(deliveryId)) return false;

    this.expiries.set(deliveryId, now + this.ttlMs);
    if (this.expiries.size > this.maxEntries) {
      const oldest = this.expiries.keys().next().value;
      if (oldest !== undefined) this.expiries.delete(oldest);
    }
    return true;
  }

  async release(deliveryId: string): Promise<void> {
    this.expiries.delete(deliveryId);
  }
}

/** Keeps delivery ids in Redis, shared by every instance that uses the same Redis. */
export class RedisDeliveryRegistry implements DeliveryRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds = DELIVERY_TTL_SECONDS,
  ) {}

  async claim(deliveryId: string): Promise<boolean> {
    // SET NX succeeds for exactly one caller, however many instances race.
    return (await this.redis.set(deliveryKey(deliveryId), '1', 'EX', this.ttlSeconds, 'NX')) === 'OK';
  }

  async release(deliveryId: string): Promise<void> {
    await this.redis.del(deliveryKey(deliveryId));
  }
}

function deliveryKey(deliveryId: string): string {
  return `promgate:delivery:${deliveryId}`;
}
