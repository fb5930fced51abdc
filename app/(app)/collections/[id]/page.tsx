import { notFound, redirect } from 'next/navigation'
import { CollectionEditor } from '@/components/collections/collection-editor'
import { getCollection } from '@/lib/services/collections/manage-collections'
import { getPageUser } from '@/lib/shared/auth/get-page-user'
import { AppError } from '@/lib/shared/errors'

export const metadata = { title: 'Collection' }

export default async function CollectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await getPageUser()
  if (!user) redirect(`/sign-in?callbackUrl=/collections/${encodeURIComponent(id)}`)
  if (id.length > 64) notFound()
  // Someone else's collection is the same 404 as one that does not exist.
  const { collection } = await getCollection(user, id).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound()
    throw e
  })
  return <CollectionEditor initial={JSON.parse(JSON.stringify(collection))} />
}
