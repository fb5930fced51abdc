'use client'

import Link from 'next/link'

/** Any signed-in page that fails to load: say so, offer a retry. The details are in the server log. */
// retry, not reset: reset only re-renders what failed, retry fetches the page's data again.
export default function AppPageError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <section role="alert" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-xl font-semibold text-red-900">This page could not be loaded</h1>
      <p className="text-red-900">Something went wrong on our side. Try again in a moment.</p>
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={() => retry()} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Try again</button>
        <Link href="/home" className="rounded-md border border-stone-300 bg-white px-4 py-2 font-medium">Go home</Link>
      </div>
    </section>
  )
}
