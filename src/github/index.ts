import { handlePullRequest, PULL_REQUEST_EVENTS } from './handle-pull-request.js';
import { loadPolicy } from './load-policy.js';
import type { ApplicationFunction, Probot } from 'probot';
import type { PolicyLoader } from './load-policy.js';

export interface PromgateAppOptions {
  /** Builds the policy from the base branch's policy file; tests replace it. */
  loadPolicy?: PolicyLoader;
  /** The clock for check run timestamps; tests pass a fixed one. */
  now?: () => Date;
}

/** Creates the Probot app function, with the policy loader and clock replaceable for tests. */
export function createPromgateApp(options: PromgateAppOptions = {}): ApplicationFunction {
  const handlerOptions = { loadPolicy: options.loadPolicy ?? loadPolicy, now: options.now ?? (() => new Date()) };
  return (app: Probot) => {
    app.on([...PULL_REQUEST_EVENTS], (context) => handlePullRequest(context, handlerOptions));
  };
}

/** The app `probot run ./dist/github/index.js` loads. */
export default createPromgateApp();
