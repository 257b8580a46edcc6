import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { RedisDeliveryRegistry } from '../../src/github/delivery-registry.js';
import { LockTimeoutError, RedisLock } from '../../src/github/redis-lock.js';
import { lint } from '../../src/lint.js';
import { loadPolicy, POLICY_PATH } from '../../src/github/load-policy.js';
import { expectedComment } from './helpers/expected-requests.js';
import { addedFilePatch, CHECK_RUN_ID, GitHubMock, HEAD_SHA } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { pullRequestEvent } from './helpers/payloads.js';
import { mockReview, reviewSteps } from './helpers/review-flow.js';
import { startRedisServer } from './helpers/redis-server.js';
import { PROBLEM_RULES } from './helpers/rule-files.js';
import { createTestProbot, parseLogs } from './helpers/test-probot.js';
import type { RedisLockSettings } from '../../src/github/redis-lock.js';
import type { ListedFile } from './helpers/github-mock.js';
import type { RedisServer } from './helpers/redis-server.js';
import type { TestProbot } from './helpers/test-probot.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';
const FILES: ListedFile[] = [{ filename: 'rules/api.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) }];
const FINDINGS = lint({ files: [{ path: 'rules/api.yml', text: PROBLEM_RULES }], policy: loadPolicy(undefined, POLICY_PATH) }).findings;
const LIST_CHECK_RUNS = `GET ${REPOSITORY}/commits/${HEAD_SHA}/check-runs?check_name=promgate&filter=all&per_page=100&app_id=123`;

let server: RedisServer;
let client: Redis;
const opened: TestProbot[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  client = new Redis(server.url);
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((instance) => instance.close()));
  await client.flushall();
});

afterAll(async () => {
  await client?.quit();
  await server?.stop();
});

async function instance(): Promise<TestProbot> {
  const created = await createTestProbot({ redisUrl: server.url, retries: true, lockSettings: { minPollMs: 2, maxPollMs: 10 } });
  opened.push(created);
  return created;
}

function lockSettings(overrides: Partial<RedisLockSettings> = {}): RedisLockSettings {
  return {
    ttlMs: 10_000,
    maxWaitMs: 5_000,
    minPollMs: 2,
    maxPollMs: 10,
    sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
    now: Date.now,
    onError: (error) => {
      throw error;
    },
    ...overrides,
  };
}

test('two instances review a delivery once', async () => {
  const github = mockReview(new GitHubMock(), { files: FILES });
  const [first, second] = [await instance(), await instance()];

  const event = pullRequestEvent('opened', { changedFiles: 1 }, 'delivery-shared');
  await Promise.all([first.probot.receive(event), second.probot.receive(event)]);

  expect(github.bodiesOf(`POST ${REPOSITORY}/check-runs`)).toHaveLength(1);
  expect(github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`)).toHaveLength(1);
  const skipped = [first, second].map((created) => parseLogs(created.logs).some((entry) => entry.msg === 'Skipped a webhook delivery that promgate already processed'));
  expect(skipped.sort()).toEqual([false, true]);
  // Probot keeps the throttling plugin's limiters in the same Redis, so the instances share rate limits.
  expect((await client.keys('b_octokit-*')).length).toBeGreaterThan(0);
  expect(github.validationErrors).toEqual([]);
});

test('two instances review one pull request in turn', async () => {
  const github = mockReview(new GitHubMock(), { files: FILES });
  // The later review, on the other instance, finds the first one's check run and comments.
  const comments = FINDINGS.map((finding) => (expectedComment(finding) as { body: string }).body);
  github.installationToken().listCheckRuns([{ id: CHECK_RUN_ID, annotationsCount: 0 }]).updateCheckRun();
  for (const step of reviewSteps({ files: FILES, review: false }).slice(3)) {
    if (step.name === 'read review threads') github.reviewThreads(comments.map((body, index) => ({ id: `T${index}`, comments: [{ id: `C${index}`, body, viewerDidAuthor: true }] })));
    else step.register(github);
  }
  const [first, second] = [await instance(), await instance()];

  await Promise.all([
    first.probot.receive(pullRequestEvent('opened', { changedFiles: 1 }, 'delivery-a')),
    second.probot.receive(pullRequestEvent('synchronize', { changedFiles: 1 }, 'delivery-b')),
  ]);

  expect(github.bodiesOf(`POST ${REPOSITORY}/check-runs`)).toHaveLength(1);
  expect(github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`)).toHaveLength(1);
  const lines = github.requestLines;
  expect(lines.indexOf(`POST ${REPOSITORY}/pulls/2/reviews`), 'the first review ends before the second starts').toBeLessThan(lines.lastIndexOf(LIST_CHECK_RUNS));
  expect(github.validationErrors).toEqual([]);
});

test('delivery claims are shared', async () => {
  const other = new Redis(server.url);
  try {
    const [left, right] = [new RedisDeliveryRegistry(client), new RedisDeliveryRegistry(other)];
    expect(await left.claim('delivery-1')).toBe(true);
    expect(await right.claim('delivery-1')).toBe(false);
    expect(await client.ttl('promgate:delivery:delivery-1')).toBeGreaterThan(86_000);

    await right.release('delivery-1');
    expect(await left.claim('delivery-1')).toBe(true);
  } finally {
    await other.quit();
  }
});

test('lock holders run one at a time', async () => {
  const other = new Redis(server.url);
  try {
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push(`${name} end`);
    };
    await Promise.all([new RedisLock(client, lockSettings()).runExclusive('pr', task('a')), new RedisLock(other, lockSettings()).runExclusive('pr', task('b'))]);

    expect([events.slice(0, 2), events.slice(2)]).toEqual(events[0] === 'a start' ? [['a start', 'a end'], ['b start', 'b end']] : [['b start', 'b end'], ['a start', 'a end']]);
    expect(await client.exists('promgate:lock:pr')).toBe(0);
  } finally {
    await other.quit();
  }
});

test('lock held elsewhere times out', async () => {
  await client.set('promgate:lock:pr', 'another-owner', 'PX', 10_000);

  await expect(new RedisLock(client, lockSettings({ maxWaitMs: 30 })).runExclusive('pr', async () => 'ran')).rejects.toThrow(LockTimeoutError);
  expect(await client.get('promgate:lock:pr')).toBe('another-owner');
});

test('expired lock is taken over', async () => {
  await client.set('promgate:lock:pr', 'crashed-owner', 'PX', 30);

  expect(await new RedisLock(client, lockSettings()).runExclusive('pr', async () => 'ran')).toBe('ran');
});

test('owner never releases a lock it lost', async () => {
  const result = await new RedisLock(client, lockSettings()).runExclusive('pr', async () => {
    // The lock expired and another instance took it while this task ran.
    await client.set('promgate:lock:pr', 'next-owner');
    return 'ran';
  });

  expect(result).toBe('ran');
  expect(await client.get('promgate:lock:pr')).toBe('next-owner');
});

test('lock is renewed while its task runs', async () => {
  const ttl = await new RedisLock(client, lockSettings({ ttlMs: 60 })).runExclusive('pr', async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    return client.pttl('promgate:lock:pr');
  });

  expect(ttl).toBeGreaterThan(0);
});
