import { notFound, redirect } from 'next/navigation'
import { ChoreographyView, type ViewTask } from '@/components/practice/choreography-view'
import { getChoreographyWithSong } from '@/lib/services/choreographies/manage-choreography'
import { listCollections } from '@/lib/services/collections/manage-collections'
import { isFavoriteChoreography } from '@/lib/services/collections/manage-favorites'
import { loadPreferences } from '@/lib/services/users/read-preferences'
import { getPageUser } from '@/lib/shared/auth/get-page-user'
import { AppError } from '@/lib/shared/errors'

export const metadata = { title: 'Practise' }

export default async function ChoreographyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await getPageUser()
  if (!user) redirect(`/sign-in?callbackUrl=/choreographies/${encodeURIComponent(id)}`)
  if (id.length > 64) notFound()
  // Someone else's choreography is the same 404 as one that does not exist.
  const { task, song, cues } = await getChoreographyWithSong(user, id).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound()
    throw e
  })
  const [favorite, collections, prefs] = await Promise.all([isFavoriteChoreography(user, id), listCollections(user), loadPreferences(user.id)])
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{song?.title ?? 'Choreography'}</h1>
        {task.request && <p className="mt-1 text-stone-600"><q>{task.request}</q></p>}
      </div>
      <ChoreographyView initial={JSON.parse(JSON.stringify(task)) as ViewTask} favorite={favorite}
        collections={collections.items.map((c) => ({ id: c.id, name: c.name }))} cues={cues} showCounts={prefs.showCounts !== false} />
    </div>
  )
}
