'use client'

/** The browser's own print dialog: paper, or "Save as PDF" as the destination. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
      Print / save as PDF
    </button>
  )
}
