import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { CHOREOGRAPHY_REQUESTS, TARGETS, cycle } from './scenarios'
import { clean, type scenarioRunner, type Target } from './runner'

/**
 * POST /api/choreographies as fast as it goes, each request with its own Idempotency-Key; then
 * every 2xx answer must be a row. No worker runs, so the tasks stay QUEUED.
 */
export async function measureCreation(o: {
  runner: ReturnType<typeof scenarioRunner>; app: Target; instance: string; databaseUrl: string; headers: Record<string, string>; songId: string
}): Promise<void> {
  const client = new pg.Client({ connectionString: o.databaseUrl })
  await client.connect()
  try {
    const runId = randomUUID().slice(0, 8)
    let n = 0
    let answered2xx = 0 // the warm-up's too: its requests carry this run's keys as well
    const requestText = cycle(CHOREOGRAPHY_REQUESTS)
    const row = await o.runner.run('create choreography', o.app, o.instance, {
      path: '/api/choreographies', method: 'POST', headers: { ...o.headers, 'content-type': 'application/json' }, connections: 10,
      next: () => ({
        body: JSON.stringify({ songId: o.songId, request: requestText(), seed: n }),
        headers: { 'idempotency-key': `load-${runId}-${n++}` },
      }),
      onStatus: (status) => { if (status >= 200 && status < 300) answered2xx++ },
    })
    if (!row) return
    const created = Number((await client.query(
      'SELECT count(*) FROM "ChoreographyTask" WHERE "idempotencyKey" LIKE $1', [`load-${runId}-%`])).rows[0].count)
    // Lost: answered 2xx without a row. A request cut off when the run ends may leave a row
    // without an answer; its client would retry with the same key and get that task.
    const lost = Math.max(0, answered2xx - created)
    row.note = `${answered2xx} answers 2xx, ${created} rows created (warm-up included), ${lost} lost; tasks stay QUEUED (no worker runs)`
    row.target = `≥ ${TARGETS.createReqPerSec}/s, no task lost`
    row.pass = row.reqPerSec >= TARGETS.createReqPerSec && clean(row) && lost === 0
  } finally {
    await client.end()
  }
}
