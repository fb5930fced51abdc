import { AdminNav } from '@/components/admin/admin-nav'
import { requirePageRole, STAFF_ROLES } from '@/lib/shared/auth/require-page-role'

/** Every /admin page is for instructors and administrators; a dancer gets the 403 page. The
 * pages repeat the check themselves (a layout is not re-run on every client navigation). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole(STAFF_ROLES, '/admin')
  return (
    <div className="space-y-6">
      <AdminNav isAdmin={user.role === 'ADMIN'} />
      {children}
    </div>
  )
}
