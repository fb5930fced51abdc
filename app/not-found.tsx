import Link from 'next/link'

export const metadata = { title: 'Not found' }

/** One page for every "not here": a missing page, and anything the visitor may not see. */
export default function NotFound() {
  return (
    <section className="mx-auto max-w-md space-y-4 py-8 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="text-stone-700">There is nothing here, or it is not yours to see. Links to shared videos stop working when their owner revokes them.</p>
      <Link href="/" className="inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Go to the start page</Link>
    </section>
  )
}
