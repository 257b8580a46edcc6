import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { Probot, Server } from 'probot';
import { afterEach, expect, test } from 'vitest';
import { DEFAULT_REPOSITORY_LIMITS } from '../../src/github/app-settings.js';
import { createPromgate } from '../../src/github/index.js';
import { createMetrics } from '../../src/github/metrics.js';
import { createPromgateOctokit, DEFAULT_GITHUB_CLIENT_SETTINGS } from '../../src/github/promgate-octokit.js';
import { addedFilePatch, APP_ID, GitHubMock, INSTALLATION_TOKEN } from './helpers/github-mock.js';
import { ManualTimers } from './helpers/manual-timers.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { freePort } from './helpers/redis-server.js';
import { mockReview } from './helpers/review-flow.js';
import { PROBLEM_RULES } from './helpers/rule-files.js';
import { COMPLETED_AT, PRIVATE_KEY, testClientSettings, WEBHOOK_SECRET } from './helpers/test-probot.js';
import type { ListedFile } from './helpers/github-mock.js';

// The tests talk to the App's own server over loopback; GitHub stays mocked.
useNockIsolation({ allowedHosts: ['127.0.0.1'] });

const PAYLOAD = readFileSync(new URL('../../fixtures/webhooks/pull_request.opened.json', import.meta.url), 'utf8');
const FILES: ListedFile[] = [{ filename: 'rules/api.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) }];

interface RunningApp {
  base: string;
  logs: string[];
  stop(): Promise<void>;
}

const running: RunningApp[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop()));
});

/** Starts Probot's server with the App on a free loopback port, as `npm start` does. */
async function startApp(): Promise<RunningApp> {
  const logs: string[] = [];
  const log = pino({ level: 'trace' }, { write: (line: string) => logs.push(line) });
  const metrics = createMetrics();
  const timers = new ManualTimers();
  const promgate = createPromgate({
    now: () => COMPLETED_AT,
    metrics,
    settings: { appId: APP_ID, redisUrl: undefined, limits: DEFAULT_REPOSITORY_LIMITS, blobCacheBytes: 1_000_000, github: DEFAULT_GITHUB_CLIENT_SETTINGS },
  });
  const port = await freePort();
  const server = new Server({
    host: '127.0.0.1',
    port,
    log,
    Probot: Probot.defaults({ appId: APP_ID, privateKey: PRIVATE_KEY, secret: WEBHOOK_SECRET, log, Octokit: createPromgateOctokit(testClientSettings(timers, metrics)) }),
  });
  await server.load(promgate.app);
  await server.start();
  const app = { base: `http://127.0.0.1:${port}`, logs, stop: async () => server.stop() };
  running.push(app);
  return app;
}

function deliver(base: string, body: string, signature: string, id = 'delivery-http'): Promise<Response> {
  return fetch(`${base}/api/github/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': id, 'x-hub-signature-256': signature },
    body,
  });
}

function sign(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

test('healthz answers ok', async () => {
  const { base } = await startApp();

  const response = await fetch(`${base}/healthz`);

  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('metrics follow the naming conventions', async () => {
  const { base } = await startApp();

  const response = await fetch(`${base}/metrics`);
  const text = await response.text();

  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const types = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((match) => [match[1], match[2]]);
  expect(types).toEqual([
    ['promgate_reviews_total', 'counter'],
    ['promgate_review_duration_seconds', 'histogram'],
    ['promgate_findings_total', 'counter'],
    ['promgate_github_requests_total', 'counter'],
    ['promgate_github_rate_limited_total', 'counter'],
    ['promgate_webhook_deliveries_skipped_total', 'counter'],
    ['promgate_commands_total', 'counter'],
  ]);
  for (const [name, type] of types) {
    expect(name).toMatch(type === 'counter' ? /^promgate_[a-z_]+_total$/ : /^promgate_[a-z_]+_seconds$/);
  }
});

test('signed delivery is reviewed and counted', async () => {
  const { base } = await startApp();
  const github = mockReview(new GitHubMock(), { files: FILES });

  const response = await deliver(base, PAYLOAD, sign(PAYLOAD, WEBHOOK_SECRET));

  expect(response.status).toBe(200);
  expect(github.bodiesOf('POST /repos/Codertocat/Hello-World/pulls/2/reviews')).toHaveLength(1);
  const metrics = await (await fetch(`${base}/metrics`)).text();
  expect(metrics).toContain('promgate_reviews_total{conclusion="failure"} 1');
  expect(metrics).toContain('promgate_review_duration_seconds_count 1');
  expect(metrics).toContain('promgate_findings_total{check="yaml/schema",severity="error"} 4');
  expect(metrics).toMatch(/^promgate_github_requests_total\{status="200"\} \d+$/m);
  // The installation token and the check run.
  expect(metrics).toContain('promgate_github_requests_total{status="201"} 2');
  // The base branch has no policy file.
  expect(metrics).toContain('promgate_github_requests_total{status="404"} 1');
});

test('bad signature is rejected before any GitHub request', async () => {
  const { base, logs } = await startApp();
  const github = new GitHubMock();

  const response = await deliver(base, PAYLOAD, sign(PAYLOAD, 'not-the-webhook-secret'), 'delivery-forged');

  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(github.requests).toEqual([]);
  expect(logs.some((line) => line.includes('Finished the promgate review'))).toBe(false);
  const metrics = await (await fetch(`${base}/metrics`)).text();
  expect(metrics).not.toContain('promgate_reviews_total{');
});

test('secrets never reach the logs', async () => {
  const { base, logs } = await startApp();
  const github = mockReview(new GitHubMock(), { files: FILES });

  await deliver(base, PAYLOAD, sign(PAYLOAD, WEBHOOK_SECRET), 'delivery-secrets');
  await deliver(base, PAYLOAD, sign(PAYLOAD, 'wrong'), 'delivery-wrong');

  expect(github.bodiesOf('POST /repos/Codertocat/Hello-World/check-runs')).toHaveLength(1);
  const text = logs.join('\n');
  // Trace logs include Probot's request logs, so this covers every line it writes.
  expect(text).toContain('delivery-secrets');
  expect(text).not.toContain(INSTALLATION_TOKEN);
  expect(text).not.toContain(WEBHOOK_SECRET);
  for (const line of PRIVATE_KEY.split('\n').filter((keyLine) => keyLine.length > 20 && !keyLine.startsWith('-----'))) {
    expect(text).not.toContain(line);
  }
  // Nor the bodies GitHub receives: the check run summary and the review.
  const sent = JSON.stringify(github.requests.map((request) => request.body));
  expect(sent).not.toContain(INSTALLATION_TOKEN);
  expect(sent).not.toContain(WEBHOOK_SECRET);
});
