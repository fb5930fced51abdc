import { notFound } from 'next/navigation'
import { PracticePlayer } from '@/components/practice/practice-player'
import type { TimedMove } from '@/components/practice/blueprint-timing'
import { getSharedChoreography } from '@/lib/services/choreographies/share-links'
import { AppError } from '@/lib/shared/errors'

export const metadata = { title: 'Shared choreography', robots: { index: false } }

/** A choreography someone shared: the video and its moves, signed out, nothing about who made it. */
export default async function SharedPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const shared = await getSharedChoreography(token).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound()
    throw e
  })
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{shared.songTitle}</h1>
        <p className="mt-1 text-stone-600">A bachata choreography shared with you. Practise it: mirror, slow it down, loop a move.</p>
      </div>
      {shared.blueprint && (
        <PracticePlayer videoUrl={shared.videoPath} posterUrl={shared.posterPath} downloadUrl={null}
          blueprintStart={shared.blueprint.start} moves={JSON.parse(JSON.stringify(shared.blueprint.moves)) as TimedMove[]} countIn={shared.blueprint.countIn} />
      )}
    </div>
  )
}
