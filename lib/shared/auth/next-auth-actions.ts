/**
 * The next-auth actions this app uses, per method (credentials sign-in only: no OAuth
 * callbacks, no email verification). next-auth answers any other action with a text/plain
 * 400, and a GET to the credentials callback with a 500; the route answers those with the
 * API's JSON 404 instead.
 */
const ACTIONS: Record<string, readonly string[]> = {
  GET: ['session', 'csrf', 'providers', 'signin', 'signout', 'error'],
  POST: ['signin', 'signout', 'callback', 'session', '_log'],
}

export function isNextAuthAction(method: string, segments: readonly string[]): boolean {
  return Object.hasOwn(ACTIONS, method) && ACTIONS[method].includes(segments[0] ?? '')
}
