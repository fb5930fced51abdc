'use client'

import { useEffect, useRef } from 'react'

const KEYS: [string, string][] = [
  ['Space', 'play / pause'], ['← / →', 'previous / next move'], ['M', 'mirror'], ['L', 'loop this move'],
  ['[ / ]', 'slower / faster'], ['?', 'this help'],
]

/** The keyboard shortcuts, in a native modal dialog (focus trapped, Esc closes). */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="shortcut-title" className="rounded-lg p-6 backdrop:bg-black/40">
      <h2 id="shortcut-title" className="text-lg font-semibold">Keyboard shortcuts</h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {KEYS.map(([k, v]) => <div key={k} className="contents"><dt className="font-mono font-semibold">{k}</dt><dd>{v}</dd></div>)}
      </dl>
      <form method="dialog" className="mt-4"><button className="rounded-md bg-brand-600 px-4 py-2 text-white">Close</button></form>
    </dialog>
  )
}
