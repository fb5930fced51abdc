/** What the home page knows about the dancer's work. */
export interface HomeState {
  total: number
  /** The newest finished choreography, if any. */
  ready: { id: string; label: string } | null
  /** The newest one still queued or rendering, if any. */
  inProgress: { id: string; label: string } | null
  collections: number
}

export interface NextStep {
  key: string
  title: string
  text: string
  href: string
}

/** The few things worth doing next, most useful first. */
export function pickNextSteps(s: HomeState): NextStep[] {
  if (s.total === 0) {
    return [{ key: 'generate', title: 'Generate your first choreography', text: 'Pick a song and say what you want to dance, in your own words.', href: '/generate' }]
  }
  const steps: NextStep[] = []
  if (s.ready) steps.push({ key: 'practise', title: 'Practise it', text: `“${s.ready.label}” is ready: mirror it, slow it down, loop the hard part.`, href: `/choreographies/${s.ready.id}` })
  if (s.inProgress) steps.push({ key: 'progress', title: 'See it render', text: `“${s.inProgress.label}” is on its way.`, href: `/choreographies/${s.inProgress.id}` })
  steps.push(s.collections > 0
    ? { key: 'collections', title: 'Open your collections', text: `${s.collections} collection${s.collections === 1 ? '' : 's'} of choreographies you kept.`, href: '/collections' }
    : { key: 'collect', title: 'Start a collection', text: 'Group choreographies for a class, a social or this week’s practice.', href: '/collections' })
  steps.push({ key: 'generate', title: 'Generate another', text: 'Another song, another level, another mood.', href: '/generate' })
  return steps
}
