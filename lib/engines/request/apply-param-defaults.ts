import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'

/** A dancer's standing choices (their profile preferences), used where a request is silent. */
export interface ParamDefaults {
  difficulty?: ChoreographyParams['difficulty']
  style?: ChoreographyParams['style']
  durationSeconds?: ChoreographyParams['durationSeconds']
}

export type DefaultedParam = keyof ParamDefaults

/**
 * Fills level, style and length from the defaults where the parsed request left them open
 * (null); what the request said always wins. Returns which ones were filled so the page
 * can say so. No zod here: the generate page runs this in the browser.
 */
export function applyParamDefaults(params: ChoreographyParams, defaults: ParamDefaults): { params: ChoreographyParams; filled: DefaultedParam[] } {
  const next = { ...params }
  const filled: DefaultedParam[] = []
  for (const key of ['difficulty', 'style', 'durationSeconds'] as const) {
    const value = defaults[key]
    if (next[key] === null && value !== undefined && value !== null) {
      ;(next as Record<DefaultedParam, unknown>)[key] = value
      filled.push(key)
    }
  }
  return { params: next, filled }
}
