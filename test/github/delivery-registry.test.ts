import { describe, expect, test } from 'vitest';
import { MemoryDeliveryRegistry } from '../../src/github/delivery-registry.js';

describe('MemoryDeliveryRegistry', () => {
  test('claims an id once', async () => {
    const registry = new MemoryDeliveryRegistry();
    expect(await registry.claim('a')).toBe(true);
    expect(await registry.claim('a')).toBe(false);
    expect(await registry.claim('b')).toBe(true);
  });

  test('released id is claimed again', async () => {
    const registry = new MemoryDeliveryRegistry();
    await registry.claim('a');
    await registry.release('a');
    expect(await registry.claim('a')).toBe(true);
  });

  test('expired id is claimed again', async () => {
    let now = 0;
    const registry = new MemoryDeliveryRegistry(() => now, 1_000);
    await registry.claim('a');
    now = 999;
    expect(await registry.claim('a')).toBe(false);
    now = 1_000;
    expect(await registry.claim('a')).toBe(true);
  });

  test('oldest id goes past the maximum', async () => {
    const registry = new MemoryDeliveryRegistry(() => 0, 1_000, 2);
    await registry.claim('a');
    await registry.claim('b');
    await registry.claim('c');
    expect(await registry.claim('a')).toBe(true);
    expect(await registry.claim('c')).toBe(false);
  });
});
