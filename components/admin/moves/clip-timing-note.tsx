import type { ClipTiming } from '@/lib/engines/audio/find-clip-timing'

export type ClipTimingState =
  | { status: 'idle' }
  | { status: 'measuring' }
  | { status: 'done'; timing: ClipTiming }
  | { status: 'failed'; message: string }

/** What the clip's own music says, in words, beside the tempo and first-count fields. */
export function ClipTimingNote({ state }: { state: ClipTimingState }) {
  if (state.status === 'idle') return null
  const box = 'rounded-md border px-3 py-2 text-sm'
  return (
    <div role="status" aria-live="polite" className={`${box} ${state.status === 'failed' ? 'border-red-200 bg-red-50 text-red-800' : 'border-stone-200 bg-stone-50 text-stone-800'}`}>
      {state.status === 'measuring' && 'Listening to the clip’s music…'}
      {state.status === 'failed' && `The clip’s music could not be measured: ${state.message}`}
      {state.status === 'done' && <TimingWords timing={state.timing} />}
    </div>
  )
}

function TimingWords({ timing }: { timing: ClipTiming }) {
  if (!timing.audio) return <>This clip has no sound track: the tempo and first count come from your annotation alone.</>
  if (timing.bpm === null || timing.firstCountOffset === null) {
    return <>The clip’s music is too short or too free to find a steady count: set the tempo and first count by ear.</>
  }
  return (
    <>
      The clip’s music: <strong>{timing.bpm} BPM</strong>, first count at <strong>{timing.firstCountOffset.toFixed(2)} s</strong>
      <span className="text-stone-600"> (confidence {Math.round(timing.confidence * 100)} %)</span>
    </>
  )
}
