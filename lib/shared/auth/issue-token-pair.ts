import { issueAccessToken } from './access-token'

export async function issueTokenPair(userId: string, familyId: string, refreshToken: string, refreshExpiresAt: Date) {
  const access = await issueAccessToken({ userId, familyId })
  return {
    tokenType: 'Bearer' as const,
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt.toISOString(),
    refreshToken,
    refreshTokenExpiresAt: refreshExpiresAt.toISOString(),
  }
}
