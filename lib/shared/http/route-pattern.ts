/**
 * The route a request matched, as its pattern (`/api/songs/[id]/analysis`), rebuilt from the
 * path and the params Next matched: metric labels stay few (never one per id), and the log's
 * path keeps ids but loses the secret ones (share tokens are bearer capabilities).
 */
export type RouteParams = Record<string, string | string[]> | undefined

const SECRET_PARAM = /token/i

export function describeRoute(pathname: string, params: RouteParams): { route: string; safePath: string } {
  const segments = pathname.split('/')
  const route = [...segments]
  const safe = [...segments]
  const decoded = segments.map((s) => {
    try {
      return decodeURIComponent(s)
    } catch {
      return s
    }
  })
  // Params come in path order; each is matched after the one before it. An id equal to a
  // static word may land on that word instead: the label is then still made of static words
  // and placeholders only, so labels stay bounded whatever ids a client sends.
  let from = 1
  for (const [name, value] of Object.entries(params ?? {})) {
    const values = [value].flat()
    const at = findRun(decoded, values, from)
    if (at < 0) continue
    const label = Array.isArray(value) ? `[...${name}]` : `[${name}]`
    route.splice(at, values.length, label, ...Array(values.length - 1).fill(null))
    if (SECRET_PARAM.test(name)) safe.splice(at, values.length, label, ...Array(values.length - 1).fill(null))
    from = at + values.length
  }
  const join = (parts: (string | null)[]) => parts.filter((p) => p !== null).join('/') || '/'
  return { route: join(route), safePath: join(safe) }
}

/** The first index from `from` where `values` appear as consecutive segments. */
function findRun(segments: string[], values: string[], from: number): number {
  for (let at = from; at + values.length <= segments.length; at++) {
    if (values.every((v, i) => segments[at + i] === v)) return at
  }
  return -1
}
