import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry, Registry } from 'prom-client';
import type { MetricsText } from '../http/metrics-endpoint.js';

const REQUEST = 'roster:metrics-request';
const REPLY = 'roster:metrics-reply';
/** A worker busy past this is left out of the scrape rather than holding it up. */
const WORKER_TIMEOUT_MS = 5_000;

type MetricsJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

interface MetricsRequest { type: typeof REQUEST; id: string }
interface MetricsReply { type: typeof REPLY; id: string; metrics: MetricsJson }

const isRequest = (message: unknown): message is MetricsRequest => (message as MetricsRequest | null)?.type === REQUEST;
const isReply = (message: unknown, id: string): message is MetricsReply =>
  (message as MetricsReply | null)?.type === REPLY && (message as MetricsReply).id === id;

/** In a worker: answers the primary's scrape with this process's series. */
export function answerMetricsRequests(registry: Registry): () => void {
  const onMessage = (message: unknown) => {
    if (!isRequest(message)) return;
    void registry.getMetricsAsJSON().then((metrics) => process.send?.({ type: REPLY, id: message.id, metrics } satisfies MetricsReply));
  };
  process.on('message', onMessage);
  return () => void process.off('message', onMessage);
}

function askWorker(worker: Worker): Promise<MetricsJson | undefined> {
  const id = randomUUID();
  return new Promise((resolve) => {
    const done = (metrics: MetricsJson | undefined) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      resolve(metrics);
    };
    const onMessage = (message: unknown) => {
      if (isReply(message, id)) done(message.metrics);
    };
    const timer = setTimeout(() => done(undefined), WORKER_TIMEOUT_MS);
    worker.on('message', onMessage);
    try {
      worker.send({ type: REQUEST, id } satisfies MetricsRequest);
    } catch {
      done(undefined);
    }
  });
}

/**
 * In the primary: one scrape of every worker, merged by prom-client's aggregation (counters and
 * histograms summed; gauges by their `aggregator`), so a scrape sees the whole process group.
 */
export function clusterMetrics(workers: () => Worker[]): MetricsText {
  return {
    contentType: Registry.PROMETHEUS_CONTENT_TYPE,
    async metrics() {
      const replies = await Promise.all(workers().map(askWorker));
      const present = replies.filter((reply): reply is MetricsJson => reply !== undefined);
      return AggregatorRegistry.aggregate(present).metrics();
    },
  };
}

const CLUSTER_REQUEST = 'roster:cluster-metrics-request';
const CLUSTER_REPLY = 'roster:cluster-metrics-reply';

interface ClusterMetricsReply { type: typeof CLUSTER_REPLY; id: string; text: string }

/** In the primary: a worker's public /metrics (METRICS_TOKEN set) answers with the whole group. */
export function serveClusterMetricsToWorkers(source: MetricsText): () => void {
  const onMessage = (worker: Worker, message: unknown) => {
    const request = message as MetricsRequest | null;
    if ((request as { type?: string } | null)?.type !== CLUSTER_REQUEST) return;
    void source.metrics().then((text) => {
      if (worker.isConnected()) worker.send({ type: CLUSTER_REPLY, id: request!.id, text } satisfies ClusterMetricsReply);
    });
  };
  cluster.on('message', onMessage);
  return () => void cluster.off('message', onMessage);
}

/** In a worker: the primary's merged text for the public /metrics page. */
export function metricsFromPrimary(): MetricsText {
  return {
    contentType: Registry.PROMETHEUS_CONTENT_TYPE,
    metrics: () => new Promise((resolve, reject) => {
      const id = randomUUID();
      const onMessage = (message: unknown) => {
        const reply = message as ClusterMetricsReply | null;
        if (reply?.type !== CLUSTER_REPLY || reply.id !== id) return;
        clearTimeout(timer);
        process.off('message', onMessage);
        resolve(reply.text);
      };
      const timer = setTimeout(() => {
        process.off('message', onMessage);
        reject(new Error('the primary did not answer the metrics request'));
      }, WORKER_TIMEOUT_MS * 2);
      process.on('message', onMessage);
      process.send?.({ type: CLUSTER_REQUEST, id });
    }),
  };
}
