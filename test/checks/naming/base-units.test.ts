import check, { findNonBaseUnit } from '../../../src/checks/naming/base-units.js';
import { describe, expect, it } from 'vitest';
import { testCheck } from '../harness.js';

const record = (name: string, expr: string) => `groups:\n  - name: g\n    rules:\n      - record: ${name}\n        expr: ${expr}\n`;

describe('findNonBaseUnit', () => {
  it.each([
    ['http_request_duration_milliseconds', 'milliseconds', 'seconds'],
    ['http_request_duration_ms_bucket', 'ms', 'seconds'],
    ['cache_size_kb', 'kb', 'bytes'],
    ['disk_used_percent', 'percent', 'ratio'],
    ['job:latency_ms:p99', 'ms', 'seconds'],
    ['job:http_requests:rate5m', '', undefined],
    ['network_transmit_bits_total', 'bits', 'bytes'],
    ['uptime_days', 'days', 'seconds'],
  ])('%s', (name, unit, base) => {
    const found = findNonBaseUnit(name);
    if (base === undefined) expect(found).toBeUndefined();
    else expect(found).toEqual({ unit, base });
  });

  it.each(['http_request_duration_seconds', 'kube_ns_pods', 'aws_us_east_requests_total', 'http_requests_msg_total', 'gbp_payments_total', 'days_since_epoch_seconds'])(
    'accepts %s',
    (name) => {
      if (name === 'days_since_epoch_seconds') expect(findNonBaseUnit(name)?.unit).toBe('days');
      else expect(findNonBaseUnit(name)).toBeUndefined();
    },
  );
});

testCheck(check, {
  valid: [
    { name: 'seconds and bytes', files: record('job:http_request_duration_seconds:p99', 'histogram_quantile(0.99, rate(http_request_duration_seconds_bucket[5m])) + node_memory_MemFree_bytes') },
    { name: 'ratio', files: record('job:errors:ratio_rate5m', 'rate(errors_total[5m]) / rate(requests_total[5m])') },
    { name: 'exception', files: record('job:x:sum', 'sum(vendor_latency_ms)'), options: { exceptions: ['vendor_*'] } },
  ],
  invalid: [
    { name: 'record name in ms', files: record('job:latency_ms:avg', 'avg(latency_seconds)'), findings: [{ line: 4, column: 17, message: 'uses the unit `ms`' }] },
    { name: 'selector in milliseconds', files: record('job:x:sum', 'sum(request_milliseconds_total)'), findings: [{ line: 5, column: 19, message: '`seconds`' }] },
    { name: 'percent', files: record('job:x:max', 'max(cpu_usage_percent) by (job)'), findings: [{ line: 5, column: 19, message: '`ratio`' }] },
    { name: 'megabytes', files: record('job:x:max', 'max(heap_megabytes)'), findings: [{ line: 5, column: 19, message: '`bytes`' }] },
    { name: 'same name reported once', files: record('job:x:max', 'max(a_ms) / min(a_ms)'), findings: [{ line: 5, column: 19 }] },
  ],
});
