import type { ConfigInput } from './schema'
import { PLACEHOLDER_PUBLIC_KEY } from './test-public-key'

/**
 * Production. The tags are placeholders the release sets (`-c webTag=… -c workerTag=…`,
 * docs/deploy.md); the database keeps half an ACU warm so the first request of the day
 * doesn't wait for a resume (set minCapacity: 0 to let it pause).
 */
export const prod: ConfigInput = {
  name: 'bb-prod',
  region: 'us-east-1',
  compute: 'ecs',
  appUrl: 'https://bachata.example.com',
  images: { webTag: 'v0.1.0', workerTag: 'v0.1.0' },
  network: { cidr: '10.0.0.0/16', maxAzs: 2, natGateways: 2 },
  database: { engineVersion: '16.6', minCapacity: 0.5, maxCapacity: 16, deletionProtection: true },
  storage: { corsOrigins: ['https://bachata.example.com'] },
  cloudFrontPublicKeyPem: PLACEHOLDER_PUBLIC_KEY,
  web: { minInstances: 1, maxInstances: 10 },
  worker: { maxInstances: 3 },
  monitoring: { alarmEmail: 'ops@bachata.example.com', freeStorageBytes: 5 * 1024 ** 3 },
}
