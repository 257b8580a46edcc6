import check from '../../../src/checks/config/plaintext-secret.js';
import { expect, it } from 'vitest';
import { runCheck, testCheck } from '../harness.js';

const config = (text: string) => ({ 'prometheus.yml': text });

testCheck(check, {
  valid: [
    { name: 'password file', files: config('scrape_configs:\n  - job_name: a\n    basic_auth:\n      username: u\n      password_file: /etc/secret\n') },
    { name: 'placeholder', files: config('scrape_configs:\n  - job_name: a\n    basic_auth:\n      username: u\n      password: <secret>\n') },
    { name: 'environment placeholder', files: config('remote_write:\n  - url: http://x\n    authorization:\n      credentials: ${REMOTE_WRITE_TOKEN}\n') },
    { name: 'rule file ignored', files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        annotations:\n          password: x\n' },
  ],
  invalid: [
    { name: 'basic auth password', files: config('scrape_configs:\n  - job_name: a\n    basic_auth:\n      username: u\n      password: hunter2\n'), findings: [{ file: 'prometheus.yml', line: 5, column: 17, message: '`password` is written inline' }] },
    { name: 'bearer token', files: config('scrape_configs:\n  - job_name: a\n    bearer_token: abc.def\n'), findings: [{ file: 'prometheus.yml', line: 3, column: 19 }] },
    { name: 'remote write credentials', files: config('remote_write:\n  - url: http://x\n    authorization:\n      credentials: s3cr3t\n'), findings: [{ file: 'prometheus.yml', line: 4, column: 20 }] },
    { name: 'alerting oauth secret', files: config('alerting:\n  alertmanagers:\n    - oauth2:\n        client_id: c\n        client_secret: topsecret\n'), findings: [{ file: 'prometheus.yml', line: 5, column: 24 }] },
    { name: 'ec2 secret key', files: config('scrape_configs:\n  - job_name: a\n    ec2_sd_configs:\n      - secret_key: AKIA123\n'), findings: [{ file: 'prometheus.yml', line: 4, column: 21 }] },
  ],
});

it('never echoes the secret', () => {
  const findings = runCheck(check, config('scrape_configs:\n  - job_name: a\n    basic_auth:\n      password: hunter2-very-secret\n'));
  expect(findings).toHaveLength(1);
  expect(JSON.stringify(findings)).not.toContain('hunter2');
});
