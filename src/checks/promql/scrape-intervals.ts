import { effectiveScrapeInterval, globalDuration } from '../../load/scrape-fields.js';
import type { Repository } from '../../repository.js';
import type { ScrapeJob } from '../../load/model.js';

export interface KnownInterval {
  milliseconds: number;
  /** Where the interval comes from, for messages: "job `api` in prometheus.yml". */
  source: string;
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
        if (longest === undefined || interval.milliseconds > longest.milliseconds) {
          longest = { milliseconds: interval.milliseconds, source: `job \`${job}\` in ${candidate.document.file.path}` };
        }
      }
      if (longest !== undefined) return longest;
    }
    return this.global();
  }

  private global(): KnownInterval | undefined {
    const documents = [...this.repository.scrapeDocuments()].filter((document) => document.format === 'prometheus-config');
    if (documents.length === 0) return undefined;
    const intervals = new Set(documents.map((document) => globalDuration(document, 'scrape_interval').milliseconds));
    if (intervals.size !== 1) return undefined;
    const [milliseconds] = intervals;
    return { milliseconds: milliseconds!, source: `the global \`scrape_interval\` in ${documents[0]!.file.path}` };
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
