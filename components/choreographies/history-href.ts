/** What the history page's address can say; absent means the default. */
export interface HistoryParams {
  status?: string
  songId?: string
  q?: string
  sort?: string
  page?: number
}

/** The history page's URL for these params; defaults are left out so the address stays short. */
export function historyHref(params: HistoryParams): string {
  const sp = new URLSearchParams()
  if (params.status) sp.set('status', params.status)
  if (params.songId) sp.set('songId', params.songId)
  if (params.q) sp.set('q', params.q)
  if (params.sort && params.sort !== 'newest') sp.set('sort', params.sort)
  if (params.page && params.page > 1) sp.set('page', String(params.page))
  const s = sp.toString()
  return s ? `/choreographies?${s}` : '/choreographies'
}
