import { generateKeyPairSync } from 'node:crypto';
import { pino } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { createPromgateApp } from '../../../src/github/index.js';
import { INSTALLATION_ID } from './github-mock.js';
import type { PromgateAppOptions } from '../../../src/github/index.js';

/** A fresh RSA key per test run, so no private key is committed. */
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

export const COMPLETED_AT = new Date('2026-12-04T12:00:00Z');

export interface TestProbot {
  probot: Probot;
  /** Every log line the App and Probot wrote, as JSON. */
  logs: string[];
}

/** Loads the promgate app into a Probot with retries and throttling off and logs captured. */
export async function createTestProbot(options: PromgateAppOptions = {}): Promise<TestProbot> {
  const logs: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => logs.push(line) });
  const probot = new Probot({
    appId: 123,
    privateKey,
    log,
    // Probot merges its own throttle options over object defaults, which turns throttling back on
    // and spaces write requests a second apart; a function runs last, so its settings stick.
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...(typeof options.throttle === 'object' ? options.throttle : {}), enabled: false },
    })),
  });
  await probot.load(createPromgateApp({ now: () => COMPLETED_AT, ...options }));
  return { probot, logs };
}

export { INSTALLATION_ID };
