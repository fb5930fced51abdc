import type { ConfigInput } from './schema'
import { PLACEHOLDER_PUBLIC_KEY } from './test-public-key'

/** A cheap environment: the database pauses when idle, one NAT, no deletion protection. */
export const dev: ConfigInput = {
  name: 'bb-dev',
  region: 'us-east-1',
  compute: 'ecs',
  appUrl: 'https://dev.bachata.example.com',
  images: { webTag: 'dev', workerTag: 'dev' },
  database: { engineVersion: '16.6', minCapacity: 0, maxCapacity: 4, deletionProtection: false },
  storage: { corsOrigins: ['https://dev.bachata.example.com', 'http://localhost:3000'] },
  cloudFrontPublicKeyPem: PLACEHOLDER_PUBLIC_KEY,
  web: { minInstances: 1, maxInstances: 2 },
  worker: { maxInstances: 1 },
}
