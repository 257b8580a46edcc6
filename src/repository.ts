import type { MonitoringFile, Rule, RuleDocument, ScrapeDocument, ScrapeJob, SloDocument } from './load/model.js';

/**
 * Every file linted together, with indexes that checks comparing files share:
 * all rules, all scrape jobs, the external labels of every Prometheus config.
 * Indexes are built on first use.
 */
export class Repository {
  readonly files: readonly MonitoringFile[];
  private ruleList: Rule[] | undefined;
  private jobList: ScrapeJob[] | undefined;
  private byPath: Map<string, MonitoringFile> | undefined;

  constructor(files: readonly MonitoringFile[]) {
    this.files = files;
  }

  /** Returns the linted file at a repository-relative path. */
  file(path: string): MonitoringFile | undefined {
    this.byPath ??= new Map(this.files.map((file) => [file.path, file]));
    return this.byPath.get(path);
  }

  *sloDocuments(): Generator<SloDocument> {
    for (const file of this.files) {
      for (const document of file.documents) if (document.kind === 'slo') yield document;
    }
  }

  *ruleDocuments(): Generator<RuleDocument> {
    for (const file of this.files) {
      for (const document of file.documents) if (document.kind === 'rules') yield document;
    }
  }

  *scrapeDocuments(): Generator<ScrapeDocument> {
    for (const file of this.files) {
      for (const document of file.documents) if (document.kind === 'scrape') yield document;
    }
  }

  get rules(): readonly Rule[] {
    if (this.ruleList === undefined) {
      const rules: Rule[] = [];
      for (const document of this.ruleDocuments()) {
        for (const group of document.groups) for (const rule of group.rules) rules.push(rule);
      }
      this.ruleList = rules;
    }
    return this.ruleList;
  }

  get scrapeJobs(): readonly ScrapeJob[] {
    if (this.jobList === undefined) {
      const jobs: ScrapeJob[] = [];
      for (const document of this.scrapeDocuments()) jobs.push(...document.jobs);
      this.jobList = jobs;
    }
    return this.jobList;
  }

  /** Returns whether any linted Prometheus config sets the label `name` in `global.external_labels`. */
  hasExternalLabel(name: string): boolean {
    for (const document of this.scrapeDocuments()) {
      if (document.externalLabels.some((label) => label.name === name)) return true;
    }
    return false;
  }
}
