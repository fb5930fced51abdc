import { Fn } from 'aws-cdk-lib'

/**
 * A URL or a bare hostname → the hostname, evaluated by CloudFormation (the value is a
 * deploy-time attribute). Splitting on a separator and joining with '' deletes it.
 */
export function hostnameOf(urlOrHost: string): string {
  const noScheme = Fn.join('', Fn.split('https://', urlOrHost))
  return Fn.join('', Fn.split('/', noScheme))
}
