import path from 'node:path'
import { RDS_CA_BUNDLE, writeRdsCaBundle } from './lib/rds-ca-bundle'

/** For worker/Dockerfile: `tsx scripts/write-rds-ca-bundle.ts OUT` writes OUT/certs/rds-ca-bundle.pem. */
const out = process.argv[2]
if (!out) {
  console.error('usage: tsx scripts/write-rds-ca-bundle.ts OUT')
  process.exit(2)
}
const n = writeRdsCaBundle(path.join(out, RDS_CA_BUNDLE))
console.log(`${n} RDS certificate authorities in ${path.join(out, RDS_CA_BUNDLE)}`)
