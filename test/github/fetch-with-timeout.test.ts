import nock from 'nock';
import { describe, expect, test } from 'vitest';
import { createTimeoutFetch, GitHubTimeoutError } from '../../src/github/fetch-with-timeout.js';
import { ManualTimers } from './helpers/manual-timers.js';
import { useNockIsolation } from './helpers/nock-isolation.js';

useNockIsolation();

describe('createTimeoutFetch', () => {
  test('answer within the timeout is returned whole', async () => {
    nock('https://api.github.com').get('/zen').reply(200, 'Keep it logically awesome.', { 'x-github-request-id': 'A1' });
    const results: string[] = [];
    const timed = createTimeoutFetch({ timeoutMs: 1_000, onResult: (result) => results.push(result) });

    const response = await timed('https://api.github.com/zen');

    expect(response.status).toBe(200);
    expect(response.url).toBe('https://api.github.com/zen');
    expect(response.headers.get('x-github-request-id')).toBe('A1');
    expect(await response.text()).toBe('Keep it logically awesome.');
    expect(results).toEqual(['200']);
  });

  test('no answer times out', async () => {
    const timers = new ManualTimers();
    nock('https://api.github.com')
      .get('/zen')
      .reply(() => {
        timers.fire('GET https://api.github.com/zen');
        return new Promise(() => {});
      });
    const results: string[] = [];
    const timed = createTimeoutFetch({ timeoutMs: 30_000, timers: timers.schedule, onResult: (result) => results.push(result) });

    const error: unknown = await timed('https://api.github.com/zen').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GitHubTimeoutError);
    expect((error as Error).message).toBe('GET https://api.github.com/zen timed out after 30000 ms without a complete response from GitHub');
    expect(results).toEqual(['timeout']);
  });

  test('caller abort is not a timeout', async () => {
    const controller = new AbortController();
    nock('https://api.github.com')
      .get('/zen')
      .reply(() => {
        controller.abort();
        return new Promise(() => {});
      });
    const timed = createTimeoutFetch({ timeoutMs: 30_000, timers: new ManualTimers().schedule });

    const error: unknown = await timed('https://api.github.com/zen', { signal: controller.signal }).catch((caught: unknown) => caught);

    expect(error).not.toBeInstanceOf(GitHubTimeoutError);
  });

  test('timer is cancelled after the answer', async () => {
    const timers = new ManualTimers();
    nock('https://api.github.com').get('/zen').reply(204);
    const timed = createTimeoutFetch({ timeoutMs: 30_000, timers: timers.schedule });

    expect((await timed('https://api.github.com/zen')).status).toBe(204);
    expect(timers.fire('GET https://api.github.com/zen')).toBe(0);
  });
});
