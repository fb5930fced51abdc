import { redirect } from 'next/navigation'
import { InstructorProfileForm } from '@/components/profile/instructor-profile-form'
import { PasswordForm } from '@/components/profile/password-form'
import { ProfileForm } from '@/components/profile/profile-form'
import { getInstructorProfile } from '@/lib/services/users/instructor-profile'
import { loadPreferences } from '@/lib/services/users/read-preferences'
import { getPageUser } from '@/lib/shared/auth/get-page-user'

export const metadata = { title: 'Profile' }

const card = 'space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-6'

export default async function ProfilePage() {
  const user = await getPageUser()
  if (!user) redirect('/sign-in?callbackUrl=/profile')
  const teaches = user.role !== 'USER'
  const [prefs, instructor] = await Promise.all([loadPreferences(user.id), teaches ? getInstructorProfile(user.id) : null])
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Profile</h1>
        <p className="mt-1 break-words text-stone-600">Signed in as {user.email}</p>
      </div>
      <section aria-labelledby="profile-prefs" className={card}>
        <h2 id="profile-prefs" className="text-xl font-semibold">Name and preferences</h2>
        <ProfileForm initial={{
          name: user.name,
          preferredDifficulty: prefs.preferredDifficulty ?? null,
          preferredStyle: prefs.preferredStyle ?? null,
          preferredDurationSeconds: prefs.preferredDurationSeconds ?? null,
          showCounts: prefs.showCounts !== false,
        }} />
      </section>
      {instructor && (
        <section aria-labelledby="profile-instructor" className={card}>
          <h2 id="profile-instructor" className="text-xl font-semibold">Instructor profile</h2>
          <p className="text-sm text-stone-600">Shown with the class plans you share.</p>
          <InstructorProfileForm initial={instructor} />
        </section>
      )}
      <section aria-labelledby="profile-password" className={card}>
        <h2 id="profile-password" className="text-xl font-semibold">Password</h2>
        <PasswordForm />
      </section>
    </div>
  )
}
