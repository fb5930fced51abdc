import { getDb } from '@/lib/shared/db'
import { getEnv } from '@/lib/shared/env'
import { logger } from '@/lib/shared/logger'
import { analysisSlotsFree } from './analyze-in-worker'
import { analyseInBackground, ANALYSIS_LEASE_SECONDS } from './run-song-analysis'

/**
 * Claims up to `limit` songs left ANALYSING with no live lease (their instance exited, or the
 * attempt was released for a retry) and returns their ids. One statement: the rows are
 * locked with SKIP LOCKED, so a concurrent claim on another instance takes other rows or
 * none, and a committed claim's fresh lease keeps the row out of every later one.
 */
export async function claimStaleAnalyses(limit: number): Promise<string[]> {
  const rows = await getDb().$queryRaw<Array<{ id: string }>>`
    UPDATE "Song" SET "analysisLeaseUntil" = now() + make_interval(secs => ${ANALYSIS_LEASE_SECONDS}),
      "analysisAttempts" = "analysisAttempts" + 1
    WHERE id IN (
      SELECT id FROM "Song"
      WHERE "analysisStatus" = 'ANALYSING' AND ("analysisLeaseUntil" IS NULL OR "analysisLeaseUntil" < now())
      ORDER BY "createdAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`
  return rows.map((r) => r.id)
}

export async function sweepSongAnalyses(): Promise<number> {
  const free = analysisSlotsFree()
  if (free === 0) return 0
  const ids = await claimStaleAnalyses(free)
  if (ids.length > 0) logger.info({ songIds: ids }, 'resuming interrupted song analyses')
  for (const id of ids) analyseInBackground(id)
  return ids.length
}

let timer: NodeJS.Timeout | undefined

/** At boot and then every ANALYSIS_SWEEP_SECONDS: a failed sweep (database away) only logs. */
export function startAnalysisSweep(): void {
  if (timer) return
  const sweep = () => { sweepSongAnalyses().catch((err) => logger.warn({ err: String(err) }, 'song analysis sweep failed')) }
  sweep()
  timer = setInterval(sweep, getEnv().ANALYSIS_SWEEP_SECONDS * 1000)
  timer.unref()
}
