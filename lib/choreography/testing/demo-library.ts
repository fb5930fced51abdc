import type { MoveAnnotation } from '@/lib/moves/annotation'
import { demoCatalog, demoSubset } from '@/lib/moves/demo-catalog'
import { clipSpanSeconds, type LibraryMove } from '../library-move'

/**
 * The demo catalog as the engine sees it: each annotation with a storage key and a clip
 * length as scripts/generate-demo-library.ts renders it (offset + counts + a short tail).
 */
export function toLibraryMove(a: MoveAnnotation, tailSeconds = 0.3): LibraryMove {
  return { ...a, clipKey: `clips/demo/${a.id}.mp4`, durationSeconds: a.firstCountOffset + clipSpanSeconds(a) + tailSeconds }
}

export function demoLibrary(): LibraryMove[] {
  return demoCatalog().map((a) => toLibraryMove(a))
}

export function demoSubsetLibrary(): LibraryMove[] {
  return demoSubset().map((a) => toLibraryMove(a))
}
