/** Seconds as m:ss for lists and plots; "–" when unknown. */
export const formatClock = (s: number | null) =>
  s === null ? '–' : `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`
