/** The accounts `npm run demo` seeds and prints; tests sign in with them too. */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'bachata-demo-2026'

export const DEMO_ACCOUNTS = [
  { email: 'dancer@demo.bachata.buddy', name: 'Demo Dancer', role: 'USER' },
  { email: 'instructor@demo.bachata.buddy', name: 'Demo Instructor', role: 'INSTRUCTOR' },
  { email: 'admin@demo.bachata.buddy', name: 'Demo Admin', role: 'ADMIN' },
] as const
