import * as z from 'zod';
import { defineCheck } from '../check.js';
import { reportLoadProblems } from './load-problems.js';

export default defineCheck({
  id: 'yaml/schema',
  description: 'Disallow rule files and Prometheus configs that Prometheus would reject for their structure.',
  severity: 'error',
  inputs: ['yaml', 'rules', 'scrape'],
  options: z.object({}).strict(),
  create: (context) => reportLoadProblems(context, 'yaml/schema'),
});
