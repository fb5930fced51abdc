/**
 * Runs once when the Node.js server starts: stamps each request with its socket's peer
 * (lib/shared/http/stamp-peer-address.ts), closes the connection of a body that stalled
 * (close-stalled-requests.ts) and sends an API path that does not decode to a JSON 400
 * (reject-malformed-path.ts), then starts building the move search index from
 * Postgres in the background, so the first search does not pay for it (failure only logs:
 * search builds it again on first use), opens the database connections the process keeps
 * (lib/shared/db.ts: warmPool), and sweeps for song analyses an instance left unfinished
 * (lib/services/songs/sweep-song-analyses.ts), now and every minute.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // First, before any request: rate limits need the real client address.
  const [{ stampPeerAddresses }, { closeStalledRequests }, { rejectMalformedPaths }] = await Promise.all([
    import('@/lib/shared/http/stamp-peer-address'),
    import('@/lib/shared/http/close-stalled-requests'),
    import('@/lib/shared/http/reject-malformed-path'),
  ])
  stampPeerAddresses()
  closeStalledRequests()
  rejectMalformedPaths()
  if (!process.env.DATABASE_URL) return
  const [{ warmPool }, { startMoveSearch }, { startAnalysisSweep }, { logger }] = await Promise.all([
    import('@/lib/shared/db'),
    import('@/lib/services/moves/move-search'),
    import('@/lib/services/songs/sweep-song-analyses'),
    import('@/lib/shared/logger'),
  ])
  warmPool().catch((err) => logger.warn({ err: String(err) }, 'database connections not opened at startup'))
  startMoveSearch().catch((err) => logger.warn({ err: String(err) }, 'move index not built at startup'))
  startAnalysisSweep()
}
