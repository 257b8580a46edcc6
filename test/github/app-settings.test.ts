import { describe, expect, test } from 'vitest';
import { DEFAULT_REPOSITORY_LIMITS, readAppSettings } from '../../src/github/app-settings.js';
import { DEFAULT_GITHUB_CLIENT_SETTINGS } from '../../src/github/promgate-octokit.js';

describe('readAppSettings', () => {
  test('defaults without variables', () => {
    expect(readAppSettings({})).toEqual({
      appId: undefined,
      redisUrl: undefined,
      limits: DEFAULT_REPOSITORY_LIMITS,
      blobCacheBytes: 64 * 1024 * 1024,
      github: DEFAULT_GITHUB_CLIENT_SETTINGS,
    });
  });

  test('every variable is read', () => {
    const settings = readAppSettings({
      APP_ID: '42',
      REDIS_URL: 'redis://redis:6379',
      PROMGATE_MAX_REPOSITORY_FILES: '10',
      PROMGATE_MAX_REPOSITORY_BYTES: '2048',
      PROMGATE_MAX_TREE_REQUESTS: '3',
      PROMGATE_BLOB_CACHE_BYTES: '4096',
      PROMGATE_GITHUB_TIMEOUT_MS: '5000',
      PROMGATE_GITHUB_RETRIES: '2',
      PROMGATE_MAX_RATE_LIMIT_WAIT_SECONDS: '60',
    });
    expect(settings).toEqual({
      appId: 42,
      redisUrl: 'redis://redis:6379',
      limits: { maxFiles: 10, maxBytes: 2048, maxTreeRequests: 3 },
      blobCacheBytes: 4096,
      github: { ...DEFAULT_GITHUB_CLIENT_SETTINGS, requestTimeoutMs: 5000, retries: 2, maxRateLimitWaitSeconds: 60 },
    });
  });

  test('empty values mean unset', () => {
    expect(readAppSettings({ APP_ID: '', REDIS_URL: ' ', PROMGATE_MAX_REPOSITORY_FILES: '' })).toMatchObject({ appId: undefined, redisUrl: undefined, limits: DEFAULT_REPOSITORY_LIMITS });
  });

  test.each([
    ['PROMGATE_MAX_REPOSITORY_FILES', 'many', 'invalid PROMGATE_MAX_REPOSITORY_FILES "many": expected a positive integer, or leave it unset for 2000'],
    ['PROMGATE_GITHUB_TIMEOUT_MS', '-5', 'invalid PROMGATE_GITHUB_TIMEOUT_MS "-5": expected a positive integer, or leave it unset for 30000'],
    ['APP_ID', '1.5', 'invalid APP_ID "1.5": expected a positive integer, or leave it unset for 1'],
  ])('invalid %s is rejected', (name, value, message) => {
    expect(() => readAppSettings({ [name]: value })).toThrow(message);
  });
});
