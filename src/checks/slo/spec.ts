import * as z from 'zod';
import { defineCheck } from '../check.js';
import { sloDefaults } from './policy-defaults.js';
import { readFileSpecs } from './spec-documents.js';

export default defineCheck({
  id: 'slo/spec',
  description: 'Disallow SLO specs that cannot generate valid rules.',
  severity: 'error',
  inputs: ['slo'],
  options: z.object({}).strict(),
  create(context) {
    const period = sloDefaults(context.policy).period;
    return {
      file(file) {
        if (!file.documents.some((document) => document.kind === 'slo')) return;
        for (const problem of readFileSpecs(file, period).problems) {
          context.reportRange(file, problem.start, problem.end, { message: problem.message, fix: problem.fix });
        }
      },
    };
  },
});
