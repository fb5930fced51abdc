import { UserRoleControls } from '@/components/admin/user-role-controls'
import { listUsers } from '@/lib/services/admin/manage-users'
import { requirePageRole } from '@/lib/shared/auth/require-page-role'

export const metadata = { title: 'Users' }

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const me = await requirePageRole(['ADMIN'], '/admin/users')
  const { q, page } = await searchParams
  const pageNo = Math.min(10_000, Math.max(1, Number(page) || 1))
  const query = q?.slice(0, 100)
  const users = await listUsers({ page: pageNo, pageSize: 50, q: query })
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Users</h1>
      <form className="flex gap-2" role="search">
        <label htmlFor="q" className="sr-only">Search users</label>
        <input id="q" name="q" defaultValue={query} placeholder="Email or name" className="w-full min-w-0 max-w-64 rounded-md border border-stone-300 px-3 py-1.5" />
        <button className="rounded-md border border-stone-300 bg-white px-3 py-1.5">Search</button>
      </form>
      <p className="text-sm text-stone-600">{users.total} user{users.total === 1 ? '' : 's'}</p>
      {/* relative: the sr-only labels inside (absolutely positioned) stay in this scroller instead of widening the page */}
      <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Role</th>
              <th scope="col" className="px-3 py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.items.map((u) => (
              <tr key={u.id} className="border-t border-stone-100">
                <td className="px-3 py-2">{u.name}</td>
                <td className="px-3 py-2">{u.email}</td>
                <td className="px-3 py-2" colSpan={2}>
                  <UserRoleControls user={{ id: u.id, email: u.email, role: u.role, disabled: u.disabled }} self={u.id === me.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
