import Link from 'next/link'
import type { ClipTimingWarnings } from '@/lib/engines/audio/compare-clip-timing'
import type { ClipTiming } from '@/lib/engines/audio/find-clip-timing'

export interface IngestResult {
  move: { id: string; name: string; clipUrl: string; posterUrl: string | null; durationSeconds: number }
  clipTiming: ClipTiming | null
  warnings: ClipTimingWarnings
}

/** What the server made of the upload: the normalised library clip and its poster. */
export function IngestedMovePreview({ result, onAnother }: { result: IngestResult; onAnother: () => void }) {
  const { move, warnings } = result
  const notes = [...(warnings.nativeBpm ?? []), ...(warnings.firstCountOffset ?? [])]
  return (
    <section aria-labelledby="ingested-title" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
      <h2 id="ingested-title" className="text-xl font-semibold" tabIndex={-1}>“{move.name}” is in the library</h2>
      <p className="text-stone-700">Normalised to the library format: {move.durationSeconds.toFixed(1)} s. Dancers can find it now.</p>
      {notes.length > 0 && (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-medium">Check the timing against the clip’s music:</p>
          <ul className="list-disc pl-5">{notes.map((n) => <li key={n}>{n}</li>)}</ul>
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <figure>
          <video src={move.clipUrl} controls muted playsInline preload="metadata" className="w-full rounded bg-stone-900" aria-label={`Normalised clip of ${move.name}`} />
          <figcaption className="mt-1 text-sm text-stone-600">The normalised clip</figcaption>
        </figure>
        {move.posterUrl && (
          <figure>
            {/* eslint-disable-next-line @next/next/no-img-element -- a same-origin API image */}
            <img src={move.posterUrl} alt={`Poster of ${move.name}`} className="w-full rounded bg-stone-200" />
            <figcaption className="mt-1 text-sm text-stone-600">The poster</figcaption>
          </figure>
        )}
      </div>
      <div className="flex flex-wrap gap-3">
        <Link href={`/admin/moves/${move.id}`} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Edit this move</Link>
        <button type="button" onClick={onAnother} className="rounded-md border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 hover:bg-stone-100">Ingest another</button>
        <Link href="/admin/moves" className="rounded-md border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 hover:bg-stone-100">All moves</Link>
      </div>
    </section>
  )
}
