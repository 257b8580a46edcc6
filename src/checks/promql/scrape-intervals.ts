import { effectiveScrapeInterval, globalDuration } from '../../load/scrape-fields.js';
import type { Repository } from '../../repository.js';
import type { ScrapeJob } from '../../load/model.js';
import type { RelatedNode } from '../check.js';

export interface KnownInterval {
  milliseconds: number;
  /** Origin of the interval, for messages: "job `api` in prometheus.yml". */
  source: string;
  /** The YAML that sets the interval, or the config that leaves it at the default. */
  origin: RelatedNode;
}

/**
 * Looks up the scrape interval behind a selector: the job's own interval when
 * the selector names a job scraped by a Prometheus config of the repository,
 * else the global interval when every config agrees on one.
 */
export class ScrapeIntervals {
  private byJob: Map<string, ScrapeJob[]> | undefined;

  constructor(private readonly repository: Repository) {}

  forJob(job: string | undefined): KnownInterval | undefined {
    if (job !== undefined) {
      const jobs = this.jobs().get(job) ?? [];
      let longest: KnownInterval | undefined;
      for (const candidate of jobs) {
        const interval = effectiveScrapeInterval(candidate);
        // A job of a bare job list inherits the global interval of a Prometheus config this list may not be linted with.
        const file = candidate.document.file;
        const known =
          interval.source === 'job'
            ? { milliseconds: interval.milliseconds, source: `job \`${job}\` in ${file.path}`, origin: { file, node: interval.node ?? candidate.node } }
            : candidate.document.format === 'job-list'
              ? this.global()
              : this.describe(interval.milliseconds, interval.source, { file, node: interval.node ?? candidate.document.root });
        if (known !== undefined && (longest === undefined || known.milliseconds > longest.milliseconds)) longest = known;
      }
      if (longest !== undefined) return longest;
    }
    return this.global();
  }

  private global(): KnownInterval | undefined {
    const documents = [...this.repository.scrapeDocuments()].filter((document) => document.format === 'prometheus-config');
    if (documents.length === 0) return undefined;
    const intervals = documents.map((document) => globalDuration(document, 'scrape_interval'));
    if (new Set(intervals.map((interval) => interval.milliseconds)).size !== 1) return undefined;
    const first = documents[0]!;
    return this.describe(intervals[0]!.milliseconds, intervals[0]!.source, { file: first.file, node: intervals[0]!.node ?? first.root });
  }

  private describe(milliseconds: number, source: 'job' | 'global' | 'default', origin: RelatedNode): KnownInterval {
    const path = origin.file.path;
    const where = source === 'default' ? `Prometheus' default, as ${path} sets no \`global.scrape_interval\`` : `the global \`scrape_interval\` in ${path}`;
    return { milliseconds, source: where, origin };
  }

  private jobs(): Map<string, ScrapeJob[]> {
    if (this.byJob === undefined) {
      this.byJob = new Map();
      for (const job of this.repository.scrapeJobs) {
        const list = this.byJob.get(job.name) ?? [];
        list.push(job);
        this.byJob.set(job.name, list);
      }
    }
    return this.byJob;
  }
}
