import type { z } from 'zod';
import type { Severity } from '../finding.js';
import type { Policy } from '../policy/types.js';
import type { MonitoringFile, Rule, RuleDocument, RuleGroup, ScrapeDocument, ScrapeJob } from '../load/model.js';
import type { YamlNode } from '../load/yaml-tree.js';
import type { ParsedExpression } from '../rule-expression.js';
import type { Repository } from '../repository.js';

/** A change under review beyond its files: a pull request, or the commits `promgate ci` compares. */
export interface PullRequestInfo {
  /** Every path the change adds, modifies, renames or deletes, relative to the repository root. */
  changedFiles: readonly string[];
  /** Labels on the pull request; undefined when the change has none to read, as in `promgate ci`. */
  labels?: readonly string[];
  /** The pull request description in markdown; undefined when unknown. */
  body?: string;
}

/** The inputs a check reads; the App and the CLI use them to explain what ran. */
export type CheckInput = 'yaml' | 'rules' | 'scrape' | 'slo' | 'pull-request';

/** The rule, group, job, document or file a finding is about, which a change must touch for the finding to count as new. */
export type Subject = Rule | RuleGroup | ScrapeJob | RuleDocument | ScrapeDocument | MonitoringFile;

/** A place, besides the finding's own, that the finding is about: the other copy of a duplicate, the scrape job whose interval applies. */
export interface RelatedNode {
  file: MonitoringFile;
  node: YamlNode;
}

export interface ReportOptions {
  message: string;
  fix?: string;
  /** Places in other files the finding depends on; a change to any of them makes the finding part of the change. */
  related?: readonly RelatedNode[];
  /** Overrides the configured severity, for example to lower a finding to `info`. */
  severity?: Severity;
}

export interface CheckContext<Options> {
  readonly options: Options;
  readonly repository: Repository;
  /** Ids of every registered check, to validate ids written in comments. */
  readonly checkIds: ReadonlySet<string>;
  /** The whole policy, for the settings several checks share, such as `services` and `slo`. */
  readonly policy: Readonly<Policy>;
  /** Parses a rule's `expr` once; every check shares the result. */
  expression(rule: Rule): ParsedExpression;
  /** Reports a problem spanning a YAML node. */
  reportNode(subject: Subject, node: YamlNode, report: ReportOptions): void;
  /** Reports a problem at offsets `start`..`end` of a rule's PromQL expression. */
  reportExpression(rule: Rule, start: number, end: number, report: ReportOptions): void;
  /** Reports a problem at file offsets. */
  reportRange(subject: Subject, start: number, end: number, report: ReportOptions): void;
  /** Reports a problem about the pull request as a whole, with no file or line. */
  reportPullRequest(report: ReportOptions): void;
}

/**
 * Callbacks a check registers; the linter calls them for every file, in file
 * order, then calls `end` once so checks that compare files can report.
 */
export interface CheckVisitor {
  /** Called once, before the files, when the lint run reviews a change such as a pull request. */
  pullRequest?(change: PullRequestInfo): void;
  file?(file: MonitoringFile): void;
  ruleDocument?(document: RuleDocument): void;
  group?(group: RuleGroup): void;
  rule?(rule: Rule): void;
  scrapeDocument?(document: ScrapeDocument): void;
  scrapeJob?(job: ScrapeJob): void;
  end?(): void;
}

export interface Check<Options = Record<string, never>> {
  /** The check's path under `src/checks/`, such as `naming/counter-suffix`. */
  id: string;
  /** One line starting with Require, Disallow, Enforce or Report. */
  description: string;
  severity: Severity;
  inputs: readonly CheckInput[];
  /**
   * A strict schema of the check's options. Their default values live in
   * `rules/default.yml`, so the policy a repository reads is one readable file.
   */
  options: z.ZodType<Options>;
  create(context: CheckContext<Options>): CheckVisitor;
}

/** Any registered check, whatever its options. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCheck = Check<any>;

/** Declares a check with its option type inferred from its schema. */
export function defineCheck<Options>(check: Check<Options>): Check<Options> {
  return check;
}
