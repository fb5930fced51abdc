import Link from 'next/link'
import { notFound } from 'next/navigation'
import { MoveEditForm } from '@/components/admin/moves/move-edit-form'
import { MoveStatusActions } from '@/components/admin/moves/move-status-actions'
import { getMove } from '@/lib/services/moves/list-moves'
import { requirePageRole, STAFF_ROLES } from '@/lib/shared/auth/require-page-role'
import { isAppError } from '@/lib/shared/errors'
import { MoveIdParamsSchema } from '@/lib/shared/validation/moves'

export const metadata = { title: 'Edit move · Admin' }

export default async function EditMovePage({ params }: { params: Promise<{ id: string }> }) {
  const raw = await params
  const user = await requirePageRole(STAFF_ROLES, `/admin/moves/${encodeURIComponent(raw.id)}`)
  const parsed = MoveIdParamsSchema.safeParse(raw)
  if (!parsed.success) notFound()
  const move = await getMove(user, parsed.data.id).catch((e) => {
    if (isAppError(e) && e.status === 404) notFound()
    throw e
  })
  return (
    <section className="space-y-4">
      <p><Link href="/admin/moves" className="text-sm text-brand-700 underline-offset-2 hover:underline">← All moves</Link></p>
      <div className="flex flex-wrap items-start gap-4">
        {move.posterUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- a same-origin API image
          <img src={move.posterUrl} alt={`Poster of ${move.name}`} width={192} height={108} className="h-[108px] w-48 rounded bg-stone-200 object-cover" />
        )}
        <div className="min-w-0">
          <h1 className="text-2xl font-bold">{move.canEdit ? `Edit “${move.name}”` : `“${move.name}”`}</h1>
          <p className="text-sm text-stone-600">{move.id} · {move.durationSeconds.toFixed(1)} s clip · <a href={move.clipUrl} className="text-brand-700 underline">watch the clip</a></p>
        </div>
      </div>
      {move.canEdit ? (
        <>
          <MoveStatusActions id={move.id} enabled={move.enabled} />
          <MoveEditForm move={move} />
        </>
      ) : (
        <>
          <p role="note" className="rounded-lg border border-stone-200 bg-stone-50 p-4 text-stone-700">
            View only: {move.enabled ? 'enabled' : 'disabled'}. Only the instructor who added this move, or an admin, may change it.
          </p>
          <MoveEditForm move={move} readOnly />
        </>
      )}
    </section>
  )
}
