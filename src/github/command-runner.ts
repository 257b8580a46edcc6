import { CHECKS } from '../checks/registry.js';
import { readCheckPage, suggestCheckIds } from './check-docs.js';
import { readCommandPermission } from './command-permission.js';
import { closedReply, explainReply, failureReply, helpReply, recheckReply, rejectionReply, unknownCheckReply, unknownCommandReply } from './command-replies.js';
import { isBotAuthor, parseCommentCommand } from './comment-command.js';
import { httpStatus } from './pull-request-reader.js';
import { readPullRequest } from './read-pull-request.js';
import { runRegenerate } from './run-regenerate.js';
import type { Context } from 'probot';
import type { CommandRequest } from './command-request.js';
import type { CommentCommand } from './comment-command.js';
import type { AppMetrics } from './metrics.js';
import type { ReviewRunner } from './review-runner.js';

export type IssueCommentContext = Context<'issue_comment.created'>;

const CHECK_IDS: readonly string[] = CHECKS.map((check) => check.id);

/**
 * Runs `/promgate` commands from pull request comments. Each delivery runs
 * once, only for users with write access, and commands that read or write
 * the pull request take its lock, so they never overlap a review of it.
 */
export class CommandRunner {
  constructor(
    private readonly reviews: ReviewRunner,
    private readonly metrics: AppMetrics,
  ) {}

  /**
   * Runs the command of a new comment, if it has one. Comments on issues,
   * comments by bots and comments without a command cost no request.
   */
  async handle(context: IssueCommentContext): Promise<void> {
    const { issue, comment, repository } = context.payload;
    // GitHub sends no user for a comment whose author's account was deleted.
    const author = comment.user;
    if (issue.pull_request === undefined || author === null || isBotAuthor(author)) return;
    const command = parseCommentCommand(comment.body);
    if (command === undefined) return;

    const pullRequest = { owner: repository.owner.login, repo: repository.name, number: issue.number };
    const log = context.log.child({ repository: `${pullRequest.owner}/${pullRequest.repo}`, pullRequest: pullRequest.number, command: command.name, commenter: author.login });
    const request: CommandRequest = { octokit: context.octokit, pullRequest, login: author.login, deliveryId: context.id, log };
    await this.reviews.once(context, () => this.run(request, command, comment.id));
  }

  private async run(request: CommandRequest, command: CommentCommand, commentId: number): Promise<void> {
    const { octokit, pullRequest, login, log } = request;
    const repository = { owner: pullRequest.owner, repo: pullRequest.repo };
    const permission = await readCommandPermission(octokit, repository, login);
    if (!permission.allowed) {
      log.info({ role: permission.role }, 'Rejected a promgate command from a user without write access');
      this.metrics.commands.inc({ command: command.name, result: 'rejected' });
      await this.reply(request, rejectionReply(login, `${repository.owner}/${repository.repo}`, permission.role));
      return;
    }

    log.info('Running a promgate command');
    await this.acknowledge(request, commentId);
    let reply: string;
    try {
      reply = await this.execute(request, command);
    } catch (error) {
      log.error({ err: error, status: httpStatus(error) }, 'promgate failed to run a command');
      this.metrics.commands.inc({ command: command.name, result: 'failed' });
      await this.reply(request, failureReply(login, command.name, error, request.deliveryId)).catch((replyError: unknown) => {
        log.error({ err: replyError }, 'Failed to reply that a promgate command failed');
      });
      throw error;
    }
    await this.reply(request, reply);
    this.metrics.commands.inc({ command: command.name, result: 'done' });
    log.info('Finished a promgate command');
  }

  private async execute(request: CommandRequest, command: CommentCommand): Promise<string> {
    const { login } = request;
    switch (command.name) {
      case 'regenerate':
        return this.reviews.exclusive(request.pullRequest, () => runRegenerate(request, this.reviews.dependencies));
      case 'recheck':
        return this.recheck(request);
      case 'explain': {
        const page = command.checkId === undefined ? undefined : await readCheckPage(command.checkId, CHECK_IDS);
        if (page !== undefined) return explainReply(login, page);
        return unknownCheckReply(login, command.checkId, command.checkId === undefined ? [] : suggestCheckIds(command.checkId, CHECK_IDS));
      }
      case 'help':
        return helpReply(login);
      case 'unknown':
        return unknownCommandReply(login, command.word);
    }
  }

  /** Reviews the pull request's current head again, as a re-run of the check does. */
  private async recheck(request: CommandRequest): Promise<string> {
    const pull = await readPullRequest(request.octokit, request.pullRequest);
    if (pull.state !== 'open') return closedReply(request.login, 'recheck');
    const context = { id: request.deliveryId, octokit: request.octokit, log: request.log };
    const result = await this.reviews.review(context, pull.target);
    return recheckReply(request.login, pull.target.headSha, result);
  }

  /** Adds an `eyes` reaction to the comment, which shows its author at once that promgate accepted the command. */
  private async acknowledge(request: CommandRequest, commentId: number): Promise<void> {
    const { owner, repo } = request.pullRequest;
    try {
      await request.octokit.rest.reactions.createForIssueComment({ owner, repo, comment_id: commentId, content: 'eyes' });
    } catch (error) {
      // The reply still comes, so a missing reaction loses nothing.
      request.log.warn({ err: error, status: httpStatus(error), commentId }, 'Failed to react to the command comment');
    }
  }

  private async reply(request: CommandRequest, body: string): Promise<void> {
    const { owner, repo, number } = request.pullRequest;
    await request.octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
  }
}
