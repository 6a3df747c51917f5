import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// Prometheus metrics of one server (prom-client). A registry per server, not prom-client's global
// one, so several servers in one test process don't collide. Served by routes/metrics.ts on
// METRICS_PORT (127.0.0.1) or behind METRICS_TOKEN, never openly on the public port.

export type AttachmentFailure = "http_status" | "refused" | "network";
export type CallbackOutcome = "succeeded" | "failed" | "refused";

export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status code",
    labelNames: ["method", "route", "status_code"] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route pattern and status code",
    labelNames: ["method", "route", "status_code"] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly tasksCreated = new Counter({
    name: "scale_tasks_created_total",
    help: "Tasks created, by type and mode",
    labelNames: ["type", "mode"] as const,
    registers: [this.registry],
  });
  readonly tasksFinished = new Counter({
    name: "scale_tasks_finished_total",
    help: "Tasks that left pending for completed or error, by type, mode and status",
    labelNames: ["type", "mode", "status"] as const,
    registers: [this.registry],
  });
  readonly callbackAttempts = new Counter({
    name: "scale_callback_attempts_total",
    help: "Callback delivery attempts, by outcome (refused: the outbound policy refused the address)",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly attachmentFailures = new Counter({
    name: "scale_attachment_check_failures_total",
    help: "Attachments that could not be fetched, by reason",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });
  private queueDepthSource: (() => Promise<number>) | null = null;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const self = this;
    new Gauge({
      name: "scale_callback_queue_depth",
      help: "Callback deliveries waiting (pending jobs, due now or scheduled for a retry)",
      registers: [this.registry],
      async collect() {
        if (self.queueDepthSource) this.set(await self.queueDepthSource());
      },
    });
  }

  /** The queue depth is read from the database when scraped, so it counts every process's jobs. */
  setQueueDepthSource(source: () => Promise<number>): void {
    this.queueDepthSource = source;
  }

  taskFinished(row: { type: string; mode: string; status: string }): void {
    this.tasksFinished.inc({ type: row.type, mode: row.mode, status: row.status });
  }
}
