'use client'

import { signOut } from 'next-auth/react'

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: '/' })} className="text-sm text-stone-700 hover:underline">
      Sign out
    </button>
  )
}
