import { run } from 'probot';
import { readAppSettings } from './app-settings.js';
import { createPromgate } from './index.js';
import { createMetrics, githubClientObservers } from './metrics.js';
import { createPromgateOctokit } from './promgate-octokit.js';

/**
 * Starts the App for `npm start`: Probot's server with the webhook endpoint,
 * `/metrics` and `/healthz`, and a GitHub client that times out, retries and
 * honours rate limits as `GitHubClientSettings` describes. Probot reads its
 * own settings (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT...) from the
 * environment; docs/deployment.md lists them all.
 */
async function main(): Promise<void> {
  const settings = readAppSettings(process.env);
  const metrics = createMetrics({ processMetrics: true });
  const promgate = createPromgate({ settings, metrics });
  const server = await run(promgate.app, { Octokit: createPromgateOctokit({ ...settings.github, ...githubClientObservers(metrics) }) });

  // Probot stops on SIGINT only; container runtimes send SIGTERM.
  process.once('SIGTERM', () => {
    void Promise.allSettled([server.stop(), promgate.close()]).then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(`promgate failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
