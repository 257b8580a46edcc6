import { asMap, asScalar, asSeq, findPair, getValue, isNull } from './yaml-access.js';
import { readLabelMap } from './rule-document.js';
import type { ScrapeDocument, ScrapeJob } from './model.js';
import type { SchemaProblems } from './schema-problems.js';
import type { YamlNode } from './yaml-tree.js';

/** Reads `global.external_labels` and the scrape jobs of a scrape document. */
export function readScrapeDocument(document: ScrapeDocument, jobsNode: YamlNode | undefined, problems: SchemaProblems): void {
  if (document.global !== undefined) {
    document.externalLabels = readLabelMap(document.global, 'external_labels', '`global`', problems);
  } else if (document.root.kind === 'map') {
    const global = findPair(document.root, 'global');
    if (global !== undefined && !isNull(global.value)) problems.wrongType(global.value, '`global`', 'a mapping');
  }

  const jobs = asSeq(jobsNode);
  if (jobs === undefined) {
    if (jobsNode !== undefined && !isNull(jobsNode)) problems.wrongType(jobsNode, '`scrape_configs`', 'a list of scrape jobs');
    return;
  }
  for (const item of jobs.items) {
    const node = asMap(item);
    if (node === undefined) {
      problems.wrongType(item, 'A scrape job', 'a mapping with `job_name`');
      continue;
    }
    const namePair = findPair(node, 'job_name');
    const nameNode = asScalar(namePair?.value);
    const name = nameNode !== undefined && !isNull(nameNode) ? nameNode.value : '';
    if (namePair === undefined) {
      problems.add(node, 'A scrape job has no `job_name`, so Prometheus rejects the configuration.', 'Add `job_name:` with a name unique in this file.');
    } else if (nameNode === undefined) {
      problems.wrongType(namePair.value, 'The `job_name` of a scrape job', 'a string');
    } else if (name === '') {
      problems.add(namePair.key, 'The `job_name` of a scrape job is empty, so Prometheus rejects the configuration.', 'Give the job a name unique in this file.');
    }
    const job: ScrapeJob = { document, node, name, nameNode: name === '' ? undefined : nameNode };
    document.jobs.push(job);
  }
}

/** Returns whether a node looks like a scrape job: a mapping with `job_name`. */
export function isScrapeJob(node: YamlNode | undefined): boolean {
  return getValue(asMap(node), 'job_name') !== undefined;
}
