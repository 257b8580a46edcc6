import { expect } from 'vitest';
import { COMMENT_ID } from './payloads.js';
import type { GitHubMock } from './github-mock.js';

const REPOSITORY = '/repos/Codertocat/Hello-World';

/** The request lines every accepted comment command starts with, and the reply that ends it. */
export const TOKEN = 'POST /app/installations/1/access_tokens';
export const PERMISSION = `GET ${REPOSITORY}/collaborators/Codertocat/permission`;
export const REACTION = `POST ${REPOSITORY}/issues/comments/${COMMENT_ID}/reactions`;
export const REPLY = `POST ${REPOSITORY}/issues/2/comments`;

/** Registers the requests every accepted command starts with: the token, the permission and the reaction. */
export function acceptedCommand(github: GitHubMock, role = 'write'): GitHubMock {
  return github.installationToken().collaboratorPermission('Codertocat', role).createReaction(COMMENT_ID);
}

/** Returns the body of the one reply the App posted on the pull request. */
export function replyBody(github: GitHubMock): string {
  const bodies = github.bodiesOf(REPLY) as { body: string }[];
  expect(bodies).toHaveLength(1);
  return bodies[0]!.body;
}
