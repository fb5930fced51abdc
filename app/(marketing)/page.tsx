import Link from 'next/link'

const STEPS = [
  { title: 'Pick a song', text: 'From the library or your own upload. We find the tempo, the beats and count 1 of every 8-count.' },
  { title: 'Say what you want', text: '“Romantic beginner routine with a few easy turns, no dips, two minutes.”' },
  { title: 'Dance it', text: 'Moves placed on the count, retimed to the song, with mirror, slow motion and A–B loop for practice.' },
]

// Only what the app does today: a feature is listed here once it ships.
const PRACTICE = [
  'Mirror the video, so you can follow it facing the screen.',
  'Slow it down to a quarter speed without changing the pitch.',
  'Loop one move, or any stretch from A to B.',
  'See the count on screen: 1-2-3-tap, 5-6-7-tap.',
  'Keep favourites and collections for a class or a social.',
  'Share a read-only link: it plays without an account.',
]

export default function LandingPage() {
  return (
    <div className="space-y-12">
      <section className="space-y-4 pt-6 text-center">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">Your bachata choreography, on the count.</h1>
        <p className="mx-auto max-w-2xl text-lg text-stone-700">
          Bachata Buddy turns a song and a sentence into a danceable choreography video: every move starts on
          count 1, fits the music’s energy and your level, and flows from one hold to the next.
        </p>
        <div className="flex justify-center gap-3">
          <Link href="/sign-up" className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700">
            Get started
          </Link>
          <Link href="/sign-in" className="rounded-md border border-stone-300 bg-white px-5 py-2.5 font-medium hover:bg-stone-100">
            Sign in
          </Link>
        </div>
      </section>
      <section aria-labelledby="how" className="space-y-4">
        <h2 id="how" className="text-center text-2xl font-semibold">How it works</h2>
        <ol className="grid gap-4 sm:grid-cols-3">
          {STEPS.map((s, i) => (
            <li key={s.title} className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
              <p className="text-sm font-semibold text-brand-600">Step {i + 1}</p>
              <h3 className="mt-1 text-lg font-semibold">{s.title}</h3>
              <p className="mt-2 text-stone-700">{s.text}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="practise" className="rounded-lg bg-brand-50 p-6">
        <h2 id="practise" className="text-center text-xl font-semibold">Made for practice</h2>
        <ul className="mx-auto mt-3 grid max-w-3xl gap-2 text-stone-700 sm:grid-cols-2">
          {PRACTICE.map((p) => <li key={p} className="flex gap-2"><span aria-hidden="true" className="text-brand-600">•</span>{p}</li>)}
        </ul>
      </section>
    </div>
  )
}
