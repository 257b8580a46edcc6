import { ProbotOctokit } from 'probot';
import { createTimeoutFetch } from './fetch-with-timeout.js';
import type { Logger } from 'pino';
import type { TimerScheduler } from './fetch-with-timeout.js';

type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;

/** The timeouts, retries and rate-limit waits of promgate's GitHub client. */
export interface GitHubClientSettings {
  /** The time one attempt of a request may take, body included. */
  requestTimeoutMs: number;
  /** Retries of a request that failed with a 5xx status or timed out. */
  retries: number;
  /** The backoff unit of those retries: retry n waits n² times this many milliseconds. */
  retryBackoffMs: number;
  /** Retries of a request that hit GitHub's primary or secondary rate limit. */
  rateLimitRetries: number;
  /** The maximum wait for a rate limit, in seconds. A request that must wait longer fails instead of holding the review. */
  maxRateLimitWaitSeconds: number;
  /** Milliseconds waited per second of GitHub's `retry-after` header or rate limit reset: 1000, or 0 in tests. */
  retryAfterUnitMs: number;
  timers?: TimerScheduler;
  /** Called once per request attempt with its HTTP status, `timeout` or `network_error`. */
  onRequestResult?: (result: string) => void;
  onRateLimited?: (limit: RateLimitKind) => void;
  /**
   * Replaces the throttling plugin's request groups. Tests use it to drop the
   * one-second spacing of write requests. It receives the Redis connection
   * Probot sets up when `REDIS_URL` is set, or undefined.
   */
  throttleGroups?: (connection: unknown) => Record<string, unknown>;
}

export type RateLimitKind = 'primary' | 'secondary';

export const DEFAULT_GITHUB_CLIENT_SETTINGS: GitHubClientSettings = {
  requestTimeoutMs: 30_000,
  retries: 3,
  retryBackoffMs: 1_000,
  rateLimitRetries: 3,
  maxRateLimitWaitSeconds: 600,
  retryAfterUnitMs: 1_000,
};

type LimitHandler = (retryAfter: number, request: { method: string; url: string }, octokit: unknown, retryCount: number) => boolean;

/**
 * Builds the Octokit class Probot creates its clients from. Probot 14's own
 * throttling options retry a primary rate limit twice and never a secondary
 * one, so promgate replaces both handlers. Each waits for the time GitHub
 * names, up to `maxRateLimitWaitSeconds`, and retries up to
 * `rateLimitRetries` times. Every attempt gets a timeout, and the retry
 * plugin retries 5xx responses and timeouts with backoff. Probot's Redis
 * connection for shared rate-limit state is kept.
 */
export function createPromgateOctokit(settings: GitHubClientSettings = DEFAULT_GITHUB_CLIENT_SETTINGS): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: OctokitOptions): OctokitOptions => {
    // Probot passes its pino logger as Octokit's `log`, which takes structured fields.
    const log = options.log as Partial<Logger> | undefined;
    const rateLimitHandler =
      (limit: RateLimitKind): LimitHandler =>
      (retryAfter, request, _octokit, retryCount) => {
        settings.onRateLimited?.(limit);
        const retry = retryCount < settings.rateLimitRetries && retryAfter <= settings.maxRateLimitWaitSeconds;
        const fields = { limit, method: request.method, url: request.url, retryAfterSeconds: retryAfter, retryCount };
        if (retry) log?.warn?.(fields, `GitHub's ${limit} rate limit was hit; retrying after ${retryAfter} s`);
        else log?.error?.(fields, `GitHub's ${limit} rate limit was hit; giving up because the wait or the retries exceed promgate's limits`);
        return retry;
      };

    const throttle = options.throttle ?? {};
    const fetch = createTimeoutFetch({
      timeoutMs: settings.requestTimeoutMs,
      ...(settings.timers === undefined ? {} : { timers: settings.timers }),
      ...(settings.onRequestResult === undefined ? {} : { onResult: settings.onRequestResult }),
    });
    return {
      ...options,
      request: { ...options.request, fetch },
      retry: { ...options.retry, retries: settings.retries, retryAfterBaseValue: settings.retryBackoffMs },
      throttle: {
        ...throttle,
        retryAfterBaseValue: settings.retryAfterUnitMs,
        onRateLimit: rateLimitHandler('primary'),
        onSecondaryRateLimit: rateLimitHandler('secondary'),
        ...settings.throttleGroups?.(throttle.connection),
      },
    };
  });
}
