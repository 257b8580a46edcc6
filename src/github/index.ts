import { Redis } from 'ioredis';
import { readAppSettings } from './app-settings.js';
import { BlobCache } from './blob-reader.js';
import { CHECK_RUN_NAME } from './check-run-updates.js';
import { CommandRunner } from './command-runner.js';
import { MemoryDeliveryRegistry, RedisDeliveryRegistry } from './delivery-registry.js';
import { createHttpRoutes } from './http-routes.js';
import { loadPolicy } from './load-policy.js';
import { createMetrics } from './metrics.js';
import { DEFAULT_REDIS_LOCK_SETTINGS, RedisLock } from './redis-lock.js';
import { LayeredLock, LocalLock } from './review-lock.js';
import { ReviewRunner } from './review-runner.js';
import { PULL_REQUEST_EVENTS, pullRequestTarget, rerunTargets } from './review-targets.js';
import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from 'probot';
import type { AppSettings } from './app-settings.js';
import type { HealthCheck } from './http-routes.js';
import type { PolicyLoader } from './load-policy.js';
import type { AppMetrics } from './metrics.js';
import type { RedisLockSettings } from './redis-lock.js';

export interface PromgateAppOptions {
  /** Builds the policy from the base branch's policy file; tests replace it. */
  loadPolicy?: PolicyLoader;
  /** The clock for check run timestamps; tests pass a fixed one. */
  now?: () => Date;
  /** Read from the environment when omitted. */
  settings?: AppSettings;
  metrics?: AppMetrics;
  /** Lock timing for tests; the waits between attempts, above all. */
  lockSettings?: Partial<RedisLockSettings>;
}

/** The App with what its host needs to expose and stop it. */
export interface PromgateApp {
  app: ApplicationFunction;
  metrics: AppMetrics;
  /** Closes the Redis connection the App opened, if any. */
  close(): Promise<void>;
}

/**
 * Creates the promgate App. With `REDIS_URL` set, the instances that use the
 * same Redis share webhook delivery deduplication and the lock that runs the
 * reviews and commands of one pull request one at a time. Without it, both
 * live in this process.
 */
export function createPromgate(options: PromgateAppOptions = {}): PromgateApp {
  const settings = options.settings ?? readAppSettings(process.env);
  const metrics = options.metrics ?? createMetrics();
  const redis = settings.redisUrl === undefined ? undefined : new Redis(settings.redisUrl);
  let logRedisError: (error: unknown, key: string) => void = () => {};

  const deliveries = redis === undefined ? new MemoryDeliveryRegistry() : new RedisDeliveryRegistry(redis);
  const sharedLock =
    redis === undefined ? undefined : new RedisLock(redis, { ...DEFAULT_REDIS_LOCK_SETTINGS, ...options.lockSettings, onError: (error, key) => logRedisError(error, key) });
  const runner = new ReviewRunner(deliveries, new LayeredLock(new LocalLock(), sharedLock), metrics, {
    loadPolicy: options.loadPolicy ?? loadPolicy,
    now: options.now ?? (() => new Date()),
    appId: settings.appId,
    limits: settings.limits,
    blobCache: new BlobCache(settings.blobCacheBytes),
  });

  const app: ApplicationFunction = (probot: Probot, appOptions: ApplicationFunctionOptions) => {
    logRedisError = (error, key) => probot.log.error({ err: error, key }, 'Failed to renew or release a Redis lock');
    registerEvents(probot, runner, new CommandRunner(runner, metrics), settings.appId);
    try {
      appOptions.addHandler(createHttpRoutes(metrics, redisHealth(redis)));
    } catch (error) {
      // Probot throws when the App runs without its HTTP server, as in tests that call `receive`.
      probot.log.debug({ err: error }, 'No HTTP server, so /metrics and /healthz are not served');
    }
  };

  return {
    app,
    metrics,
    close: async () => {
      if (redis !== undefined) await redis.quit();
    },
  };
}

/** Creates the App function alone, for callers that manage no Redis connection. */
export function createPromgateApp(options: PromgateAppOptions = {}): ApplicationFunction {
  return createPromgate(options).app;
}

function registerEvents(probot: Probot, runner: ReviewRunner, commands: CommandRunner, appId: number | undefined): void {
  probot.on([...PULL_REQUEST_EVENTS], (context) => runner.handle(context, async () => [pullRequestTarget(context.payload)]));

  probot.on('issue_comment.created', (context) => commands.handle(context));

  probot.on('check_run.rerequested', async (context) => {
    const run = context.payload.check_run;
    if (run.name !== CHECK_RUN_NAME || (appId !== undefined && run.app?.id !== appId)) return;
    const repository = { owner: context.payload.repository.owner.login, repo: context.payload.repository.name };
    const numbers = run.pull_requests.map((pull) => pull.number);
    await runner.handle(context, () => rerunTargets(context.octokit, repository, run.head_sha, numbers, context.log));
  });

  probot.on('check_suite.rerequested', async (context) => {
    const suite = context.payload.check_suite;
    if (appId !== undefined && suite.app?.id !== appId) return;
    const repository = { owner: context.payload.repository.owner.login, repo: context.payload.repository.name };
    const numbers = suite.pull_requests.map((pull) => pull.number);
    await runner.handle(context, () => rerunTargets(context.octokit, repository, suite.head_sha, numbers, context.log));
  });
}

function redisHealth(redis: Redis | undefined): HealthCheck {
  return async () => {
    if (redis === undefined) return undefined;
    try {
      await redis.ping();
      return undefined;
    } catch (error) {
      return `Redis PING failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
}

/**
 * The App `probot run ./dist/github/index.js` loads, with settings from the
 * environment. `npm start` runs `dist/github/main.js` instead, which also sets
 * up the GitHub client's retries and metrics.
 */
const defaultApp: ApplicationFunction = (probot, appOptions) => createPromgate().app(probot, appOptions);
export default defaultApp;
