'use client'

import { ModalDialog } from '@/components/ui/modal-dialog'

const KEYS: [string, string][] = [
  ['Space', 'play / pause'], ['← / →', 'previous / next move'], ['M', 'mirror'], ['L', 'loop this move'],
  ['[ / ]', 'slower / faster'], ['?', 'this help'],
]

/** The keyboard shortcuts, in the app's modal dialog (focus trapped, Esc closes). */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog open={open} onClose={onClose} labelledBy="shortcut-title">
      <h2 id="shortcut-title" className="text-lg font-semibold">Keyboard shortcuts</h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {KEYS.map(([k, v]) => <div key={k} className="contents"><dt className="font-mono font-semibold">{k}</dt><dd>{v}</dd></div>)}
      </dl>
      <form method="dialog" className="mt-4"><button data-autofocus className="rounded-md bg-brand-600 px-4 py-2 text-white">Close</button></form>
    </ModalDialog>
  )
}
