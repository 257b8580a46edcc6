import { generateKeyPairSync } from 'node:crypto';
import Bottleneck from 'bottleneck';
import { pino } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { DEFAULT_REPOSITORY_LIMITS } from '../../../src/github/app-settings.js';
import { createPromgate } from '../../../src/github/index.js';
import { createMetrics, githubClientObservers } from '../../../src/github/metrics.js';
import { createPromgateOctokit, DEFAULT_GITHUB_CLIENT_SETTINGS } from '../../../src/github/promgate-octokit.js';
import { APP_ID } from './github-mock.js';
import { ManualTimers } from './manual-timers.js';
import type { AppSettings } from '../../../src/github/app-settings.js';
import type { PromgateApp, PromgateAppOptions } from '../../../src/github/index.js';
import type { AppMetrics } from '../../../src/github/metrics.js';
import type { GitHubClientSettings } from '../../../src/github/promgate-octokit.js';

type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;

/** A fresh RSA key per test run, so no private key is committed. */
export const { privateKey: PRIVATE_KEY } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

export const WEBHOOK_SECRET = 'promgate-test-webhook-secret-0001';

export const COMPLETED_AT = new Date('2026-12-04T12:00:00Z');

export interface TestProbot {
  probot: Probot;
  /** Every log line the App and Probot wrote, as JSON. */
  logs: string[];
  timers: ManualTimers;
  metrics: AppMetrics;
  promgate: PromgateApp;
  /** Closes the App's Redis connection and the one Probot opened for shared rate limits. */
  close(): Promise<void>;
}

export interface TestProbotOptions extends Omit<PromgateAppOptions, 'settings'> {
  settings?: Partial<AppSettings>;
  github?: Partial<GitHubClientSettings>;
  redisUrl?: string;
  /**
   * Keeps Octokit's retry and throttling plugins on, as in production. They
   * cost about 15 ms per request in scheduling, so only the tests of
   * failures, rate limits and shared state turn them on.
   */
  retries?: boolean;
}

/**
 * GitHub client settings for tests: the same retries and rate-limit handling
 * as production, with every wait cut to zero and request timeouts fired by
 * the test through `ManualTimers` instead of by the clock.
 */
export function testClientSettings(timers: ManualTimers, metrics: AppMetrics, overrides: Partial<GitHubClientSettings> = {}): GitHubClientSettings {
  return {
    ...DEFAULT_GITHUB_CLIENT_SETTINGS,
    retryBackoffMs: 0,
    retryAfterUnitMs: 0,
    timers: timers.schedule,
    ...githubClientObservers(metrics),
    // The throttling plugin spaces write requests a second apart, and notifications three; tests keep the order without the wait.
    // Its default groups live in the module and keep the connection of the first client, which an earlier test may have closed.
    throttleGroups: (connection) => {
      const common = connection === undefined ? {} : { connection: connection as Bottleneck.IORedisConnection };
      return {
        global: new Bottleneck.Group({ id: 'octokit-global', maxConcurrent: 10, ...common }),
        auth: new Bottleneck.Group({ id: 'octokit-auth', maxConcurrent: 1, ...common }),
        write: new Bottleneck.Group({ id: 'octokit-write', maxConcurrent: 1, minTime: 0, ...common }),
        notifications: new Bottleneck.Group({ id: 'octokit-notifications', maxConcurrent: 1, minTime: 0, ...common }),
        search: new Bottleneck.Group({ id: 'octokit-search', maxConcurrent: 1, minTime: 0, ...common }),
      };
    },
    ...overrides,
  };
}

/** Loads the promgate App into a Probot with logs captured and GitHub's waits removed. */
export async function createTestProbot(options: TestProbotOptions = {}): Promise<TestProbot> {
  const logs: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => logs.push(line) });
  const timers = new ManualTimers();
  const metrics = createMetrics();
  const connections = new Set<Bottleneck.IORedisConnection>();
  const testGroups = testClientSettings(timers, metrics).throttleGroups!;
  const recordConnection = (connection: unknown): Record<string, unknown> => {
    if (connection !== undefined) connections.add(connection as Bottleneck.IORedisConnection);
    return testGroups(connection);
  };
  const probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    secret: WEBHOOK_SECRET,
    log,
    ...(options.redisUrl === undefined ? {} : { redisConfig: options.redisUrl }),
    Octokit: withRetries(createPromgateOctokit({ ...testClientSettings(timers, metrics, options.github), throttleGroups: recordConnection }), options.retries === true),
  });

  const settings: AppSettings = {
    appId: APP_ID,
    redisUrl: options.redisUrl,
    limits: DEFAULT_REPOSITORY_LIMITS,
    blobCacheBytes: 8 * 1024 * 1024,
    github: DEFAULT_GITHUB_CLIENT_SETTINGS,
    ...options.settings,
  };
  const promgate = createPromgate({ now: () => COMPLETED_AT, ...options, settings, metrics });
  await probot.load(promgate.app, { cwd: process.cwd(), addHandler: () => {} });
  const close = async (): Promise<void> => {
    await promgate.close();
    await Promise.all([...connections].map((connection) => connection.disconnect(false)));
  };
  return { probot, logs, timers, metrics, promgate, close };
}

function withRetries(Octokit: typeof ProbotOctokit, enabled: boolean): typeof ProbotOctokit {
  if (enabled) return Octokit;
  // The outer defaults run first, and promgate's settings keep these switches.
  return Octokit.defaults((options: OctokitOptions) => ({ ...options, retry: { ...options.retry, enabled: false }, throttle: { ...options.throttle, enabled: false } }));
}

/** Parses captured log lines. */
export function parseLogs(lines: readonly string[]): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
