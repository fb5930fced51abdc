import Link from 'next/link'
import { PosterThumb } from './poster-thumb'
import { vocabularyLabel } from './vocabulary-label'

export interface AdminMoveRowData {
  id: string; name: string; family: string; difficulty: string; counts: number; enabled: boolean
  styles: string[]; posterUrl: string | null
  /** May this user change it (their own, or any for an admin)? Else the link only shows it. */
  canEdit: boolean
}

/** One move of the curator's list: poster, name, family, level, counts, status, and a link
 * to edit it, or to view it when it is another instructor's or the shared library's. */
export function AdminMoveRow({ move }: { move: AdminMoveRowData }) {
  return (
    <li className="flex items-center gap-3 border-t border-stone-100 px-3 py-2 first:border-t-0">
      <PosterThumb src={move.posterUrl} className="h-[54px] w-24 shrink-0 rounded bg-stone-200" />
      <div className="min-w-0 flex-1">
        <Link href={`/admin/moves/${move.id}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          {move.name}<span className="sr-only">{move.canEdit ? ' (edit)' : ' (view)'}</span>
        </Link>
        <p className="truncate text-sm text-stone-600">
          {vocabularyLabel(move.family)} · {move.difficulty} · {move.counts} counts · {move.styles.join(', ')}
        </p>
      </div>
      {!move.canEdit && <span className="shrink-0 text-xs text-stone-600">View only</span>}
      <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${move.enabled ? 'bg-green-100 text-green-800' : 'bg-stone-200 text-stone-700'}`}>
        {move.enabled ? 'Enabled' : 'Disabled'}
      </span>
    </li>
  )
}
