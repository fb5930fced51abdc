import { parseRequest } from '@/lib/engines/request'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { getWordMeanings } from './load-word-meanings'

/**
 * What the app understood from a request, before anything is generated: the generate page
 * shows it as editable chips. The same parser (Gemini when configured, else offline) that
 * createChoreography runs, so the chips are what generation would use.
 */
export async function readRequest(text: string): Promise<{ params: ChoreographyParams }> {
  return { params: await parseRequest(text, { wordMeanings: await getWordMeanings() }) }
}
