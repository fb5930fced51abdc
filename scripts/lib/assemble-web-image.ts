import { cpSync, existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { copyPackageClosure, packagesImagesOmit } from './package-closure'
import { RDS_CA_BUNDLE, writeRdsCaBundle } from './rds-ca-bundle'

/**
 * The web image's /app, laid out from a standalone build (`NEXT_OUTPUT=standalone next build`
 * and `npm run setup:models` first). The Dockerfile's final stage is exactly this directory,
 * and scripts/check-web-image.ts runs it without Docker. Holds:
 *  - Next's standalone trace (server.js and the node_modules files the server loads), the
 *    static files, public/, and the compacted word vectors;
 *  - whole packages merged over the trace, with their production dependencies only: the
 *    release command's tools (the Prisma CLI and what prisma.config.ts imports), and the two
 *    native addons compiled at install time, whose builds the trace misses: hnswlib-node's
 *    (found by a path search at run time) and argon2's (the trace takes only its prebuilt
 *    binary, which crashes on load on Debian 12: the install compiles it for that reason);
 *  - serve-web.mjs, which runs server.js once per core (the CMD);
 *  - prisma/ and prisma.config.ts, for `node node_modules/prisma/build/index.js migrate deploy`;
 *  - the RDS certificate authorities (certs/rds-ca-bundle.pem), which the database URL in AWS
 *    names so the app and the migrations verify Aurora's certificate.
 * The npm-packaged ffmpeg builds never go in (the image installs Debian's).
 */
export const WEB_IMAGE_PACKAGES = ['prisma', '@prisma/adapter-pg', 'pg', 'dotenv', 'hnswlib-node', 'argon2']

export function assembleWebImage(o: { root: string; out: string }): void {
  const from = (p: string) => path.join(o.root, p)
  const standalone = from('.next/standalone')
  if (!existsSync(path.join(standalone, 'server.js'))) throw new Error('no standalone build: run NEXT_OUTPUT=standalone next build first')
  const models = from('.data/models')
  if (!existsSync(models)) throw new Error('no word vectors: run npm run setup:models first')
  mkdirSync(o.out, { recursive: true })
  // verbatimSymlinks: the trace links hashed external names (.next/node_modules/x-<hash>) to
  // the packages by relative links; resolved, they would point back into this build tree.
  cpSync(standalone, o.out, { recursive: true, verbatimSymlinks: true })
  cpSync(from('.next/static'), path.join(o.out, '.next/static'), { recursive: true })
  cpSync(from('public'), path.join(o.out, 'public'), { recursive: true })
  cpSync(models, path.join(o.out, '.data/models'), { recursive: true })
  copyPackageClosure({ root: o.root, out: o.out, packages: WEB_IMAGE_PACKAGES, exclude: packagesImagesOmit(o.root) })
  cpSync(from('prisma'), path.join(o.out, 'prisma'), { recursive: true })
  cpSync(from('prisma.config.ts'), path.join(o.out, 'prisma.config.ts'))
  // The entry point: server.js run once per core (the Dockerfile's CMD).
  cpSync(from('scripts/serve-web.mjs'), path.join(o.out, 'serve-web.mjs'))
  writeRdsCaBundle(path.join(o.out, RDS_CA_BUNDLE))
}
