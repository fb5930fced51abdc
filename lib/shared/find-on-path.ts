import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'

/**
 * Executable lookup shared by the ffmpeg and browser resolvers. A bare name handed to spawn
 * only fails later with ENOENT; looking it up first lets the caller fall back or say what to
 * install. The paths are only known at run time, so the build's file tracer leaves them be.
 */
export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(/* turbopackIgnore: true */ file).isFile()) return false
    accessSync(/* turbopackIgnore: true */ file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The first executable file called `name` in the PATH's directories, like `which`; else null. */
export function findOnPath(name: string, pathEnv: string | undefined = process.env.PATH): string | null {
  for (const dir of (pathEnv ?? '').split(path.delimiter)) {
    if (!dir) continue
    const file = path.join(dir, name)
    if (isExecutableFile(file)) return file
  }
  return null
}
