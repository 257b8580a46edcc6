#!/usr/bin/env node
// Bundles the compiled CLI into one CommonJS file, dist/bundle/promgate.cjs,
// and writes a V8 code cache for it. Node loads one module far faster than
// the hundred or so that tsc emits for the CLI and its dependencies, which is
// most of promgate's start-up time on small inputs. The code cache saves
// compiling the functions that a lint run calls (about 40 ms of each run on
// the 2-core benchmark machine). See src/cli/load-bundle.ts.
//
// Sources import zod as `import * as z from 'zod'`, which lets esbuild keep
// only the parts they use. `import { z } from 'zod'` bundles all of zod with
// every locale, 360 KiB more to compile at each start (about 20 ms).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const bundle = fileURLToPath(new URL('../dist/bundle/promgate.cjs', import.meta.url));

await build({
  entryPoints: [fileURLToPath(new URL('../dist/cli/main.js', import.meta.url))],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // The sources find rules/ and package.json from import.meta.url, which CommonJS lacks.
  define: { 'import.meta.url': '__promgateModuleUrl' },
  banner: { js: "const __promgateModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// A sample run compiles the functions that linting calls, so that the code
// cache contains them too. The sample is a small rule file and a Prometheus
// configuration that reach the loader, the PromQL parser and most checks.
const SAMPLE_RULES = `groups:
  - name: api
    interval: 1m
    rules:
      - record: job:http_requests:rate5m
        expr: sum by (job, env) (rate(http_requests_total{job="api"}[5m]))
      - record: job_http_errors_ratio
        expr: |
          sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
            / on (job) group_left sum by (job) (rate(http_requests_total[5m]))
      - alert: ApiErrors
        expr: job:http_requests:rate5m > 0.05 and histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 1
        for: 10m
        labels:
          severity: page
          instance: "{{ $labels.instance }}"
        annotations:
          summary: "{{ $labels.job }} fails {{ $value | humanizePercentage }} of requests"
          runbook_url: https://example.com/runbooks/api-errors
`;
const SAMPLE_CONFIG = `global:
  scrape_interval: 30s
scrape_configs:
  - job_name: api
    static_configs:
      - targets: ["api:9090"]
        labels:
          env: production
    relabel_configs:
      - source_labels: [__address__]
        target_label: instance
`;

const { codeCachePath, loadBundle } = await import('../dist/cli/load-bundle.js');
const { cli, script } = loadBundle(bundle, false);
const sample = mkdtempSync(join(tmpdir(), 'promgate-bundle-'));
try {
  writeFileSync(join(sample, 'rules.yml'), SAMPLE_RULES);
  writeFileSync(join(sample, 'prometheus.yml'), SAMPLE_CONFIG);
  let errors = '';
  const stdout = { write: () => true };
  const stderr = { write: (text) => (errors += text) };
  for (const format of ['json', 'text']) {
    const code = await cli.main(['lint', '--format', format, sample], { stdout, stderr, cwd: sample, env: {} });
    // Exit code 1 only means findings; 2 means the bundle failed to run.
    if (code === 2) throw new Error(`the bundled CLI failed on the sample for the code cache (exit code 2):\n${errors}`);
  }
} finally {
  rmSync(sample, { recursive: true, force: true });
}
writeFileSync(codeCachePath(bundle), script.createCachedData());
