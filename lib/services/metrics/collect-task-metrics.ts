import { Counter, Gauge, Histogram } from 'prom-client'
import { getDb } from '@/lib/shared/db'
import { getMetrics } from '@/lib/shared/http/metrics'

/**
 * Queue depth and renders, read from the task rows at scrape time. The worker renders, but it
 * scales to zero (and on App Runner runs only inside a wake), so a scrape of the worker would
 * miss exactly the quiet periods; the rows are the durable record. Renders finished since the
 * previous scrape are added to a counter and a histogram, so they behave as Prometheus
 * counters do (they start at this process's start). Every web instance sees every render:
 * aggregate these with max(), not sum().
 */
const STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const
const KEY = Symbol.for('bachata-buddy.task-metrics')

interface TaskMetrics {
  tasks: Gauge<'status'>
  finished: Counter<'outcome'>
  duration: Histogram<'outcome'>
  /** Renders that finished at or before this are counted already. */
  since: Date
  /** Scrapes run one after another: two at once would count the same renders twice. */
  last: Promise<void>
}

function taskMetrics(): TaskMetrics {
  const holder = globalThis as typeof globalThis & { [KEY]?: TaskMetrics }
  if (holder[KEY]) return holder[KEY]
  const registers = [getMetrics().registry]
  holder[KEY] = {
    tasks: new Gauge({ name: 'bachata_tasks', help: 'Choreography tasks by status (QUEUED + RUNNING is the render queue depth)', labelNames: ['status'], registers }),
    finished: new Counter({ name: 'bachata_renders_finished_total', help: 'Renders that finished since this process started, by outcome', labelNames: ['outcome'], registers }),
    duration: new Histogram({
      name: 'bachata_render_duration_seconds', help: 'Render time (worker start to finish) of renders finished since this process started',
      labelNames: ['outcome'], registers, buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
    }),
    since: new Date(),
    last: Promise.resolve(),
  }
  return holder[KEY]
}

export function collectTaskMetrics(): Promise<void> {
  const m = taskMetrics()
  m.last = m.last.catch(() => {}).then(() => collect(m))
  return m.last
}

async function collect(m: TaskMetrics): Promise<void> {
  const db = getDb()
  const counts = await db.choreographyTask.groupBy({ by: ['status'], _count: { _all: true } })
  for (const status of STATUSES) m.tasks.set({ status }, counts.find((c) => c.status === status)?._count._all ?? 0)

  const done = await db.choreographyTask.findMany({
    where: { finishedAt: { gt: m.since }, status: { in: ['SUCCEEDED', 'FAILED', 'CANCELLED'] } },
    select: { status: true, startedAt: true, finishedAt: true },
    orderBy: { finishedAt: 'asc' },
  })
  for (const t of done) {
    const outcome = t.status.toLowerCase()
    m.finished.inc({ outcome })
    if (t.startedAt && t.finishedAt) m.duration.observe({ outcome }, Math.max(0, (t.finishedAt.getTime() - t.startedAt.getTime()) / 1000))
    if (t.finishedAt! > m.since) m.since = t.finishedAt!
  }
}
