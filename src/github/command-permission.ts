import { httpStatus } from './pull-request-reader.js';
import type { ProbotOctokit } from 'probot';
import type { RepositoryRef } from './pull-request-target.js';

/** The repository roles that may run commands, because the commands push to and review pull requests as collaborators do. */
export const COMMAND_ROLES = ['write', 'maintain', 'admin'] as const;

export interface CommandPermission {
  allowed: boolean;
  /** The role GitHub reports, such as `triage`, or `none` for someone who is not a collaborator. */
  role: string;
}

/**
 * Reads a user's role on the repository. `role_name` names the role, custom
 * roles included. `permission` maps every role to `admin`, `write`, `read` or
 * `none`, so a custom role built on write access still counts. A 404 for a
 * user GitHub does not know means no role.
 */
export async function readCommandPermission(octokit: ProbotOctokit, repository: RepositoryRef, login: string): Promise<CommandPermission> {
  let data: { permission: string; role_name: string };
  try {
    ({ data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repository, username: login }));
  } catch (error) {
    if (httpStatus(error) === 404) return { allowed: false, role: 'none' };
    throw error;
  }

  const roles: readonly string[] = COMMAND_ROLES;
  const allowed = roles.includes(data.role_name) || data.permission === 'admin' || data.permission === 'write';
  return { allowed, role: data.role_name === '' ? data.permission : data.role_name };
}
