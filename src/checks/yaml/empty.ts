import * as z from 'zod';
import { defineCheck } from '../check.js';
import { reportLoadProblems } from './load-problems.js';

export default defineCheck({
  id: 'yaml/empty',
  description: 'Report monitoring files that define no rule groups or scrape jobs.',
  severity: 'info',
  inputs: ['yaml', 'rules', 'scrape'],
  options: z.object({}).strict(),
  create: (context) => reportLoadProblems(context, 'yaml/empty'),
});
