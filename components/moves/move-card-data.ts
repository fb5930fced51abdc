/** What a move card shows, from the API's (or the service's) serialised move. */
export interface MoveCardData {
  id: string
  name: string
  family: string
  difficulty: string
  energy: string
  styles: string[]
  counts: number
  entryHold: string
  exitHold: string
  clipUrl: string
  posterUrl: string | null
  /** Search only: the score parts in words. */
  why: string | null
}

export interface MovePage {
  items: MoveCardData[]
  total: number
  page: number
}

interface SerializedMove {
  id: string; name: string; family: string; difficulty: string; energy: string; styles: string[]; counts: number
  entry: unknown; exit: unknown; clipUrl: string; posterUrl: string | null; why?: string
}

const holdOf = (state: unknown) => String((state as { hold?: unknown } | null)?.hold ?? '')

export function toMoveCard(m: SerializedMove): MoveCardData {
  return {
    id: m.id, name: m.name, family: m.family, difficulty: m.difficulty, energy: m.energy, styles: m.styles,
    counts: m.counts, entryHold: holdOf(m.entry), exitHold: holdOf(m.exit), clipUrl: m.clipUrl, posterUrl: m.posterUrl,
    why: m.why ?? null,
  }
}

export function toMovePage(r: { items: SerializedMove[]; total: number; page: number }): MovePage {
  return { items: r.items.map(toMoveCard), total: r.total, page: r.page }
}

/** "lady-turn" → "lady turn" for people. */
export const label = (value: string) => value.replace(/-/g, ' ')
