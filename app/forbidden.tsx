import Link from 'next/link'

export const metadata = { title: 'Not allowed' }

/** The 403 page: the visitor is signed in, but their role does not open this part of the app. */
export default function Forbidden() {
  return (
    <section className="mx-auto max-w-md space-y-4 py-8 text-center">
      <h1 className="text-2xl font-bold">Not allowed</h1>
      <p className="text-stone-700">
        This part of Bachata Buddy is for instructors and administrators. If you teach, ask an
        administrator to give your account the instructor role.
      </p>
      <Link href="/home" className="inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Back to your home page</Link>
    </section>
  )
}
