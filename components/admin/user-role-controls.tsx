'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

type Role = 'USER' | 'INSTRUCTOR' | 'ADMIN'
interface Props { user: { id: string; email: string; role: Role; disabled: boolean }; self: boolean }

export function UserRoleControls({ user, self }: Props) {
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  async function change(data: { role?: Role; disabled?: boolean }) {
    setPending(true)
    setError(null)
    const res = await fetch(`/api/admin/users/${user.id}`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data),
    })
    setPending(false)
    if (!res.ok) {
      setError((await res.json().catch(() => null))?.error?.message ?? 'Could not save')
      return
    }
    router.refresh()
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <label className="sr-only" htmlFor={`role-${user.id}`}>Role of {user.email}</label>
      <select
        id={`role-${user.id}`}
        defaultValue={user.role}
        disabled={self || pending}
        onChange={(e) => change({ role: e.target.value as Role })}
        className="rounded-md border border-stone-300 bg-white px-2 py-1"
      >
        <option value="USER">Dancer</option>
        <option value="INSTRUCTOR">Instructor</option>
        <option value="ADMIN">Admin</option>
      </select>
      <button
        type="button"
        disabled={self || pending}
        onClick={() => change({ disabled: !user.disabled })}
        aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
        className="rounded-md border border-stone-300 px-2 py-1 disabled:opacity-50"
      >
        {user.disabled ? 'Enable' : 'Disable'}
      </button>
      <span className={user.disabled ? 'text-red-700' : 'text-green-700'}>{user.disabled ? 'Disabled' : 'Active'}</span>
      {error && <span role="alert" className="text-red-700">{error}</span>}
    </div>
  )
}
