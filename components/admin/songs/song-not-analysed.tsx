import Link from 'next/link'

/** A song page whose analysis is still running or failed: nothing to check or correct yet. */
export function SongNotAnalysed({ song }: { song: { title: string; analysisStatus: string; analysisError: { message: string } | null } }) {
  return (
    <section className="space-y-4">
      <p className="text-sm"><Link href="/admin/songs" className="text-brand-700 underline-offset-2 hover:underline">← All songs</Link></p>
      <h1 className="text-2xl font-bold">{song.title}</h1>
      <p role="status" className="text-sm">
        {song.analysisStatus === 'analysing'
          ? 'Analysing… reload this page in a few seconds to check its count.'
          : `The analysis failed: ${song.analysisError?.message ?? 'no beat grid'}. Delete the song or upload another file.`}
      </p>
    </section>
  )
}
