import { readFileSync } from 'node:fs';
import type { Probot } from 'probot';

export type PullRequestAction = 'opened' | 'synchronize' | 'reopened';

type WebhookEvent = Parameters<Probot['receive']>[0];

export interface PayloadOverrides {
  changedFiles?: number;
}

/**
 * Builds a `pull_request` event from the fixture copied from
 * `@octokit/webhooks-examples`, changing only the fields a test names.
 */
export function pullRequestEvent(action: PullRequestAction, overrides: PayloadOverrides = {}, id = `delivery-${action}`): WebhookEvent {
  const url = new URL(`../../../fixtures/webhooks/pull_request.${action}.json`, import.meta.url);
  const payload = JSON.parse(readFileSync(url, 'utf8')) as { pull_request: { changed_files: number } };
  if (overrides.changedFiles !== undefined) payload.pull_request.changed_files = overrides.changedFiles;
  // The fixture is a GitHub payload for this event; JSON.parse cannot know its type.
  return { id, name: 'pull_request', payload } as WebhookEvent;
}
