import { describe, expect, test } from 'vitest';
import { LayeredLock, LocalLock } from '../../src/github/review-lock.js';
import type { ReviewLock } from '../../src/github/review-lock.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('LocalLock', () => {
  test('same key runs in order', async () => {
    const lock = new LocalLock();
    const events: string[] = [];
    const gate = deferred();

    const first = lock.runExclusive('pr', async () => {
      events.push('first start');
      await gate.promise;
      events.push('first end');
    });
    const second = lock.runExclusive('pr', async () => {
      events.push('second');
    });
    await Promise.resolve();
    expect(events).toEqual(['first start']);

    gate.resolve();
    await Promise.all([first, second]);
    expect(events).toEqual(['first start', 'first end', 'second']);
  });

  test('other keys do not wait', async () => {
    const lock = new LocalLock();
    const gate = deferred();
    const blocked = lock.runExclusive('a', () => gate.promise);

    expect(await lock.runExclusive('b', async () => 'ran')).toBe('ran');
    gate.resolve();
    await blocked;
  });

  test('failed task releases the key', async () => {
    const lock = new LocalLock();
    await expect(lock.runExclusive('pr', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.runExclusive('pr', async () => 'ran')).toBe('ran');
  });
});

describe('LayeredLock', () => {
  test('shared lock runs inside the local one', async () => {
    const calls: string[] = [];
    const shared: ReviewLock = {
      runExclusive: async (key, task) => {
        calls.push(`shared ${key}`);
        return task();
      },
    };
    const lock = new LayeredLock(new LocalLock(), shared);

    expect(await lock.runExclusive('pr', async () => 'ran')).toBe('ran');
    expect(calls).toEqual(['shared pr']);
  });
});
