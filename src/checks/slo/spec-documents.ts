import { readSloSpecs } from '../../slo/read-slo-spec.js';
import type { MonitoringFile } from '../../load/model.js';
import type { SloSpecFile } from '../../slo/read-slo-spec.js';
import type { SloPeriod } from '../../slo/slo-spec.js';

const cache = new WeakMap<MonitoringFile, Map<string, SloSpecFile>>();

/** Reads the SLO specs of a file once per period, for the checks that share them. */
export function readFileSpecs(file: MonitoringFile, defaultPeriod: SloPeriod): SloSpecFile {
  let byPeriod = cache.get(file);
  if (byPeriod === undefined) {
    byPeriod = new Map();
    cache.set(file, byPeriod);
  }
  let specs = byPeriod.get(defaultPeriod);
  if (specs === undefined) {
    const documents = file.documents.filter((document) => document.kind === 'slo').map((document) => document.yaml);
    specs = readSloSpecs(documents, file.source.text, { defaultPeriod });
    byPeriod.set(defaultPeriod, specs);
  }
  return specs;
}
