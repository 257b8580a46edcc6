import * as z from 'zod';
import { defineCheck } from '../check.js';
import { reportLoadProblems } from './load-problems.js';

export default defineCheck({
  id: 'yaml/syntax',
  description: 'Disallow files that are not valid YAML.',
  severity: 'error',
  inputs: ['yaml'],
  options: z.object({}).strict(),
  create: (context) => reportLoadProblems(context, 'yaml/syntax'),
});
