import { DEFAULT_GITHUB_CLIENT_SETTINGS } from './promgate-octokit.js';
import type { GitHubClientSettings } from './promgate-octokit.js';

/** Limits on how much of a repository one review reads. */
export interface RepositoryLimits {
  /** Monitoring files read per review: the changed ones always, others up to this count. */
  maxFiles: number;
  /** Bytes read per review, with the same rule. */
  maxBytes: number;
  /** Tree requests per review when GitHub truncates the recursive tree listing. */
  maxTreeRequests: number;
}

/** The App's settings from the environment; docs/deployment.md lists each variable. */
export interface AppSettings {
  appId: number | undefined;
  redisUrl: string | undefined;
  limits: RepositoryLimits;
  /** Bytes of file contents kept in memory by blob SHA, so a new push reads only the files it changed. */
  blobCacheBytes: number;
  github: GitHubClientSettings;
}

const MIB = 1024 * 1024;

export const DEFAULT_REPOSITORY_LIMITS: RepositoryLimits = { maxFiles: 2_000, maxBytes: 20 * MIB, maxTreeRequests: 100 };

/** Reads the settings, and throws an error naming the variable for a value that is not a positive integer. */
export function readAppSettings(env: Readonly<Record<string, string | undefined>>): AppSettings {
  const integer = (name: string, fallback: number): number => {
    const text = env[name];
    if (text === undefined || text.trim() === '') return fallback;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new Error(`invalid ${name} ${JSON.stringify(text)}: expected a positive integer, or leave it unset for ${fallback}`);
    }
    return value;
  };

  const appId = env.APP_ID === undefined || env.APP_ID.trim() === '' ? undefined : integer('APP_ID', 1);
  const redisUrl = env.REDIS_URL === undefined || env.REDIS_URL.trim() === '' ? undefined : env.REDIS_URL;
  return {
    appId,
    redisUrl,
    limits: {
      maxFiles: integer('PROMGATE_MAX_REPOSITORY_FILES', DEFAULT_REPOSITORY_LIMITS.maxFiles),
      maxBytes: integer('PROMGATE_MAX_REPOSITORY_BYTES', DEFAULT_REPOSITORY_LIMITS.maxBytes),
      maxTreeRequests: integer('PROMGATE_MAX_TREE_REQUESTS', DEFAULT_REPOSITORY_LIMITS.maxTreeRequests),
    },
    blobCacheBytes: integer('PROMGATE_BLOB_CACHE_BYTES', 64 * MIB),
    github: {
      ...DEFAULT_GITHUB_CLIENT_SETTINGS,
      requestTimeoutMs: integer('PROMGATE_GITHUB_TIMEOUT_MS', DEFAULT_GITHUB_CLIENT_SETTINGS.requestTimeoutMs),
      retries: integer('PROMGATE_GITHUB_RETRIES', DEFAULT_GITHUB_CLIENT_SETTINGS.retries),
      maxRateLimitWaitSeconds: integer('PROMGATE_MAX_RATE_LIMIT_WAIT_SECONDS', DEFAULT_GITHUB_CLIENT_SETTINGS.maxRateLimitWaitSeconds),
    },
  };
}
