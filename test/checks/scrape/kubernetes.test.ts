import check from '../../../src/checks/scrape/kubernetes.js';
import { testCheck } from '../harness.js';

const mapped = `    relabel_configs:
      - source_labels: [__meta_kubernetes_namespace]
        target_label: namespace
      - source_labels: [__meta_kubernetes_pod_label_app]
        target_label: app
      - source_labels: [__meta_kubernetes_pod_label_component]
        target_label: component
`;
const podJob = (extra: string) => `scrape_configs:\n  - job_name: pods\n    kubernetes_sd_configs:\n      - role: pod\n${extra}`;

testCheck(check, {
  valid: [
    { name: 'labels mapped and cluster external', files: { 'prometheus.yml': `global:\n  external_labels:\n    cluster: eu1\n${podJob(mapped)}` } },
    { name: 'labelmap and cluster relabel', files: { 'prometheus.yml': podJob('    relabel_configs:\n      - action: labelmap\n        regex: __meta_kubernetes_pod_label_(.+)\n      - target_label: cluster\n        replacement: eu1\n') } },
    { name: 'static target outside Kubernetes', files: { 'prometheus.yml': 'scrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: [db.example.com:9187]\n' } },
    { name: 'pushgateway behind a Service', files: { 'prometheus.yml': 'scrape_configs:\n  - job_name: pushgateway\n    honor_labels: true\n    static_configs:\n      - targets: [pushgateway.monitoring.svc:9091]\n' } },
    { name: 'federation behind a Service', files: { 'prometheus.yml': 'scrape_configs:\n  - job_name: federate\n    metrics_path: /federate\n    static_configs:\n      - targets: [prometheus.monitoring.svc.cluster.local:9090]\n' } },
    { name: 'cluster not required', files: { 'prometheus.yml': podJob(mapped) }, options: { require_cluster: false } },
  ],
  invalid: [
    {
      name: 'service DNS target',
      files: { 'prometheus.yml': 'scrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: [api.shop.svc.cluster.local:8080]\n' },
      findings: [{ file: 'prometheus.yml', line: 4, column: 19, message: 'scrapes the Kubernetes Service `api.shop.svc.cluster.local:8080`' }],
    },
    { name: 'short service DNS', files: { 'prometheus.yml': 'scrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: [api.shop.svc:80]\n' }, findings: [{ file: 'prometheus.yml', line: 4, column: 19 }] },
    {
      name: 'no standard labels',
      files: { 'prometheus.yml': podJob('') },
      findings: [{ file: 'prometheus.yml', line: 2, column: 15, message: 'does not set the standard labels `namespace`, `app`, `component`, `cluster`' }],
    },
    { name: 'only cluster missing', files: { 'prometheus.yml': podJob(mapped) }, findings: [{ file: 'prometheus.yml', line: 2, column: 15, message: 'the standard label `cluster`' }] },
  ],
});
