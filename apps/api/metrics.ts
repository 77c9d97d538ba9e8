import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';

/**
 * The API's Prometheus metrics: HTTP requests by route and status with their durations,
 * cases by stage and answers awaited per party (read from the read model at each scrape),
 * and the process's own. Ids and stages only, never personal data.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly durations: Histogram<'method' | 'route' | 'status'>;

  constructor(dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'overens_http_requests_total',
      help: 'HTTP requests answered, by method, route and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.durations = new Histogram({
      name: 'overens_http_request_duration_seconds',
      help: 'How long HTTP requests took to answer, by method, route and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [this.registry],
    });
    new Gauge({
      name: 'overens_cases',
      help: 'Cases in the read model, by stage.',
      labelNames: ['stage'],
      registers: [this.registry],
      async collect() {
        const rows: { stage: string; count: string }[] = await dataSource.query('SELECT stage, count(*) AS count FROM cases GROUP BY stage');
        this.reset();
        for (const row of rows) this.set({ stage: row.stage }, Number(row.count));
      },
    });
    new Gauge({
      name: 'overens_answers_awaited',
      help: 'Cases waiting on each party for its answer.',
      labelNames: ['party'],
      registers: [this.registry],
      async collect() {
        const rows: { party: string; count: string }[] = await dataSource.query(
          `SELECT p.party, count(*) AS count FROM cases c CROSS JOIN unnest(c.waiting_on) AS p(party)
            WHERE c.stage = 'decisions' GROUP BY p.party`,
        );
        this.reset();
        for (const row of rows) this.set({ party: row.party }, Number(row.count));
      },
    });
  }

  /** Express middleware: times every request and counts it under its route's pattern, not its address. */
  middleware() {
    return (request: Request, response: Response, next: NextFunction): void => {
      const stop = this.durations.startTimer();
      response.on('finish', () => {
        const labels = { method: request.method, route: routeOf(request), status: String(response.statusCode) };
        this.requests.inc(labels);
        stop(labels);
      });
      next();
    };
  }
}

/** The route pattern (`/api/cases/:id/:step`), so that case ids never become labels. */
function routeOf(request: Request): string {
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return `${request.baseUrl}${pattern}`;
  return 'unmatched';
}
