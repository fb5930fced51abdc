#!/usr/bin/env node
// `node serve-web.mjs ENTRY [ARGS…]`: the web server as one Node process per core.
//
// One Node process answers on one core: on the 2 cores of these machines `next start` topped out
// at ~1,050 answers/s for a route that does nothing, with the second core left to everything
// else. With WEB_CONCURRENCY (default: the cores the container may use) above 1, this primary
// forks that many workers; each runs ENTRY (the standalone build's server.js in the image, or
// Next's own bin with `start` locally), and Node's cluster shares the one listening port among
// them (round robin). Each worker is a whole instance: its own database pool, caches and
// analysis thread; everything shared between them (rate limits, sessions, the analysis sweep's
// leases) already lives in PostgreSQL, because several containers run the same way.
//
// Plain JavaScript on purpose: the image has no TypeScript runner.
import cluster from 'node:cluster'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node serve-web.mjs ENTRY [ARGS…]')
  process.exit(2)
}
const workers = Number(process.env.WEB_CONCURRENCY || os.availableParallelism())
const RESTART_DELAY_MS = 1_000
const SHUTDOWN_GRACE_MS = 30_000

async function runEntry() {
  process.argv = [process.argv[0], path.resolve(entry), ...args]
  await import(pathToFileURL(path.resolve(entry)).href)
}

if (workers <= 1 || !cluster.isPrimary) {
  await runEntry()
} else {
  let stopping = false
  const serving = new Set()
  const noneLeft = () => Object.keys(cluster.workers ?? {}).length === 0
  // The platform's stop signal goes to every worker; each drains its open requests the way a
  // single server would (Next closes its server on SIGTERM), and the primary leaves last.
  const stop = (signal) => {
    if (stopping) return
    stopping = true
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal)
    setTimeout(() => process.exit(), SHUTDOWN_GRACE_MS).unref()
    if (noneLeft()) process.exit()
  }
  for (let i = 0; i < workers; i++) cluster.fork()
  cluster.on('listening', (worker) => serving.add(worker.id))
  cluster.on('exit', (worker, code, signal) => {
    const served = serving.delete(worker.id)
    if (stopping) {
      if (noneLeft()) process.exit()
      return
    }
    console.error(JSON.stringify({ level: 'error', msg: 'web worker exited', pid: worker.process.pid, code, signal, served }))
    // One that never listened is failing at boot (bad configuration, a missing file): starting
    // it again in a loop would hide that, so everything stops and the platform restarts the
    // container. One that served and then died is replaced.
    if (!served) {
      process.exitCode = 1
      stop('SIGTERM')
      return
    }
    setTimeout(() => { if (!stopping) cluster.fork() }, RESTART_DELAY_MS)
  })
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}
