import Link from 'next/link'
import { MoveIngestForm } from '@/components/admin/moves/move-ingest-form'
import { requirePageRole, STAFF_ROLES } from '@/lib/shared/auth/require-page-role'

export const metadata = { title: 'Ingest a move · Admin' }

export default async function NewMovePage() {
  await requirePageRole(STAFF_ROLES, '/admin/moves/new')
  return (
    <section className="space-y-4">
      <p><Link href="/admin/moves" className="text-sm text-brand-700 underline-offset-2 hover:underline">← All moves</Link></p>
      <h1 className="text-2xl font-bold">Ingest a move</h1>
      <p className="max-w-prose text-stone-600">Upload the clip and describe the move. The clip is normalised to the library format and given a poster; the move is searchable as soon as it is saved.</p>
      <MoveIngestForm />
    </section>
  )
}
