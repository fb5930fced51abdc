import Link from 'next/link'
import { redirect } from 'next/navigation'
import { CreateAndOpenForm } from '@/components/ui/create-and-open-form'
import { listCollections } from '@/lib/services/collections/manage-collections'
import { listFavoriteChoreographies } from '@/lib/services/collections/manage-favorites'
import { getPageUser } from '@/lib/shared/auth/get-page-user'

export const metadata = { title: 'Collections' }

export default async function CollectionsPage() {
  const user = await getPageUser()
  if (!user) redirect('/sign-in?callbackUrl=/collections')
  const [collections, favorites] = await Promise.all([listCollections(user), listFavoriteChoreographies(user)])
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Collections</h1>
      <section aria-labelledby="coll" className="space-y-3">
        <h2 id="coll" className="text-xl font-semibold">Your collections</h2>
        <CreateAndOpenForm formLabel="New collection" fieldLabel="New collection" field="name" maxLength={80} endpoint="/api/collections" resultKey="collection" openAt="/collections/" buttonLabel="Create" />
        {collections.items.length === 0 ? (
          <p className="text-stone-600">No collections yet. Make one for a class, a social, or what you are practising this week.</p>
        ) : (
          <ul aria-label="Your collections" className="grid gap-2 sm:grid-cols-2">
            {collections.items.map((c) => (
              <li key={c.id}>
                <Link href={`/collections/${c.id}`} className="block rounded-lg border border-stone-200 bg-white p-3 hover:border-brand-500">
                  <span className="font-medium">{c.name}</span>
                  <span className="block text-sm text-stone-600">{c.itemCount} choreograph{c.itemCount === 1 ? 'y' : 'ies'}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="fav" className="space-y-3">
        <h2 id="fav" className="text-xl font-semibold">Favourites</h2>
        {favorites.items.length === 0 ? (
          <p className="text-stone-600">Star a choreography on its page to find it here.</p>
        ) : (
          <ul aria-label="Favourites" className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {favorites.items.map((f) => (
              <li key={f.id}><Link href={`/choreographies/${f.id}`} className="block p-3 hover:bg-stone-50">{f.songTitle}: {f.request || 'choreography'}</Link></li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
