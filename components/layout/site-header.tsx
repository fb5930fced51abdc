import Link from 'next/link'
import { getPageUser } from '@/lib/shared/auth/get-page-user'
import { SignOutButton } from '@/components/auth/sign-out-button'

export async function SiteHeader() {
  const user = await getPageUser()
  return (
    <header className="border-b border-stone-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href={user ? '/home' : '/'} className="text-lg font-bold text-brand-700">
          Bachata Buddy
        </Link>
        <ul className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          {user ? (
            <>
              <li><Link href="/home" className="hover:underline">Home</Link></li>
              <li><Link href="/generate" className="hover:underline">Generate</Link></li>
              <li><Link href="/choreographies" className="hover:underline">My choreographies</Link></li>
              <li><Link href="/moves" className="hover:underline">Moves</Link></li>
              <li><Link href="/collections" className="hover:underline">Collections</Link></li>
              <li><Link href="/profile" className="hover:underline">Profile</Link></li>
              {user.role !== 'USER' && <li><Link href="/admin" className="hover:underline">Admin</Link></li>}
              <li><SignOutButton /></li>
            </>
          ) : (
            <>
              <li><Link href="/sign-in" className="hover:underline">Sign in</Link></li>
              <li>
                <Link href="/sign-up" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
                  Sign up
                </Link>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  )
}
