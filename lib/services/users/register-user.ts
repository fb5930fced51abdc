import { getDb, Prisma } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { hashPassword } from '@/lib/shared/auth/password'
import type { z } from 'zod'
import type { RegisterSchema } from '@/lib/shared/validation/auth'
import type { PublicUser } from '@/lib/shared/auth/load-session-user'

/** Creates a USER account. The role is never taken from input. */
export async function registerUser(input: z.infer<typeof RegisterSchema>): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password)
  try {
    return await getDb().user.create({
      data: { email: input.email, name: input.name, passwordHash, role: 'USER' },
      select: { id: true, email: true, name: true, role: true },
    })
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      throw AppError.conflict('An account with this email already exists')
    }
    throw e
  }
}
