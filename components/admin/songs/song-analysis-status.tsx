import type { ManagedSong } from '@/lib/services/songs/list-managed-songs'

/** A list row's analysis at a glance: still running, failed (and why), or analysed (and how
 * sure), warnings to check, corrections made. */
export function SongAnalysisStatus({ status, state, error }: {
  status: ManagedSong['analysis']; state: ManagedSong['analysisStatus']; error: ManagedSong['analysisError']
}) {
  if (state === 'analysing') return <span className="rounded bg-sky-50 px-1.5 py-0.5 text-sky-900">Analysing…</span>
  if (state === 'failed') return <span className="rounded bg-red-50 px-1.5 py-0.5 text-red-800">Analysis failed: {error?.message}</span>
  if (!status.current) return <span className="text-stone-600">Re-analysed when opened</span>
  return (
    <span className="flex flex-wrap gap-1.5">
      <span className="rounded bg-green-50 px-1.5 py-0.5 text-green-800">
        Analysed{status.confidence === null ? '' : ` · ${Math.round(status.confidence * 100)}% sure`}
      </span>
      {status.warnings > 0 && (
        <span className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-900">{status.warnings} warning{status.warnings === 1 ? '' : 's'}</span>
      )}
      {status.corrections > 0 && (
        <span className="rounded bg-stone-100 px-1.5 py-0.5 text-stone-700">{status.corrections} correction{status.corrections === 1 ? '' : 's'}</span>
      )}
    </span>
  )
}
