import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import type { PullRequestRef } from './pull-request-target.js';

/** A command from a pull request comment, accepted from a user allowed to run it. */
export interface CommandRequest {
  octokit: ProbotOctokit;
  pullRequest: PullRequestRef;
  /** The login of the comment's author, who gets the reply. */
  login: string;
  /** The webhook delivery id. */
  deliveryId: string;
  /** A logger tagged with the delivery, repository and pull request. */
  log: Logger;
}
