import { useSyncExternalStore } from 'react'

/** Playback speeds the player offers (0.25× for learning a move, 1.25× for drilling it). */
export const SPEEDS = [0.25, 0.5, 0.75, 1, 1.25] as const

export interface PlayerPrefs { mirror: boolean; speed: number }

const KEY = 'bachata-buddy.player'
const DEFAULTS: PlayerPrefs = { mirror: false, speed: 1 }
const listeners = new Set<() => void>()
let current: PlayerPrefs | null = null

function load(): PlayerPrefs {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<keyof PlayerPrefs, unknown>>
    return {
      mirror: typeof saved.mirror === 'boolean' ? saved.mirror : DEFAULTS.mirror,
      speed: SPEEDS.includes(saved.speed as (typeof SPEEDS)[number]) ? (saved.speed as number) : DEFAULTS.speed,
    }
  } catch {
    return DEFAULTS // storage blocked, or not our JSON
  }
}

const snapshot = () => (current ??= load())

function subscribe(onChange: () => void) {
  listeners.add(onChange)
  // Another tab changed them: follow.
  const onStorage = (e: StorageEvent) => { if (e.key === KEY) { current = load(); onChange() } }
  window.addEventListener('storage', onStorage)
  return () => { listeners.delete(onChange); window.removeEventListener('storage', onStorage) }
}

function update(change: Partial<PlayerPrefs>) {
  current = { ...snapshot(), ...change }
  try { localStorage.setItem(KEY, JSON.stringify(current)) } catch { /* kept for this page only */ }
  listeners.forEach((l) => l())
}

/**
 * Mirror and speed are how this dancer practises: they survive a re-render of the video and
 * the next visit. An external store, so the server's render (defaults) and the browser's
 * (saved values) reconcile without a hydration mismatch.
 */
export function usePlayerPrefs(): [PlayerPrefs, (change: Partial<PlayerPrefs>) => void] {
  return [useSyncExternalStore(subscribe, snapshot, () => DEFAULTS), update]
}
