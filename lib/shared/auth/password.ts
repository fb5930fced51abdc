import argon2 from 'argon2'

/**
 * Passwords are hashed with argon2id (memory-hard; OWASP's first choice). The parameters
 * live in the hash string, so raising them later still verifies old hashes.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS)
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}

/** A real hash of a random string, verified against when the email is unknown so that
 * response time does not reveal which emails have accounts. */
let dummyHash: Promise<string> | undefined
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`)
  return dummyHash
}
