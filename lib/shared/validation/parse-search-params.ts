import type { z } from 'zod'

type RawParams = Record<string, string | string[] | undefined>

/**
 * A page's search params through the same schema the API uses, but forgiving: a page must
 * still render when someone edits the address by hand, so each value the schema refuses is
 * dropped (its default applies) and named in `ignored` for the page to mention.
 */
export function parseSearchParams<S extends z.ZodType<object>>(schema: S, raw: RawParams): { data: z.output<S>; ignored: string[] } {
  const input: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw)) {
    const first = Array.isArray(v) ? v[0] : v
    if (first !== undefined) input[k] = first
  }
  const ignored: string[] = []
  for (;;) {
    const r = schema.safeParse(input)
    if (r.success) return { data: r.data, ignored }
    const bad = [...new Set(r.error.issues.map((i) => String(i.path[0] ?? '')))].filter((k) => k in input)
    // Nothing left to drop: the schema itself cannot accept empty input, which is a bug here.
    if (bad.length === 0) throw r.error
    for (const k of bad) {
      delete input[k]
      ignored.push(k)
    }
  }
}
