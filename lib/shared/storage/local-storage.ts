import { createReadStream, createWriteStream } from 'node:fs'
import { copyFile, lstat, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AppError } from '@/lib/shared/errors'
import { assertSafeKey } from '@/lib/shared/validation/storage-key'
import type { ByteRange, Storage, StoredObject } from './storage'

/** Files under one root directory. Writes go to a temp name and are renamed into place, so
 * a reader never sees half a file and a failed upload leaves nothing behind. */
export class LocalStorage implements Storage {
  readonly root: string

  constructor(root: string) {
    this.root = path.resolve(root)
  }

  private pathOf(key: string): string {
    assertSafeKey(key)
    const full = path.resolve(this.root, key)
    if (!full.startsWith(this.root + path.sep)) throw AppError.badRequest('Invalid storage key')
    return full
  }

  async put(key: string, body: Readable | Buffer): Promise<StoredObject> {
    const target = this.pathOf(key)
    await mkdir(path.dirname(target), { recursive: true })
    const tmp = `${target}.${randomUUID()}.part`
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(tmp))
      await rename(tmp, target)
    } catch (e) {
      await rm(tmp, { force: true })
      throw e
    }
    return { size: (await stat(target)).size }
  }

  async putFile(key: string, file: string): Promise<StoredObject> {
    const target = this.pathOf(key)
    await mkdir(path.dirname(target), { recursive: true })
    const tmp = `${target}.${randomUUID()}.part`
    try {
      await copyFile(file, tmp)
      await rename(tmp, target)
    } catch (e) {
      await rm(tmp, { force: true })
      throw e
    }
    return { size: (await stat(target)).size }
  }

  async get(key: string, range?: ByteRange) {
    const file = this.pathOf(key)
    const info = await this.head(key)
    if (!info) throw AppError.notFound('File')
    const stream = createReadStream(file, range ? { start: range.start, end: range.end } : undefined)
    return { stream, size: info.size }
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      // lstat: a symlink is never served, so nothing outside the root can be reached through one.
      const s = await lstat(this.pathOf(key), { bigint: true })
      // Every write renames a new file into place: a new inode, whatever the clock says.
      return s.isFile() ? { size: Number(s.size), version: `${s.ino}-${s.mtimeNs}` } : null
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true })
  }

  async list(prefix: string): Promise<string[]> {
    const dir = path.resolve(this.root, prefix)
    if (!dir.startsWith(this.root + path.sep)) throw AppError.badRequest('Invalid storage prefix')
    const out: string[] = []
    const walk = async (d: string) => {
      let entries
      try {
        entries = await readdir(d, { withFileTypes: true })
      } catch {
        return
      }
      for (const e of entries) {
        const full = path.join(d, e.name)
        if (e.isDirectory()) await walk(full)
        else if (e.isFile() && !e.name.endsWith('.part')) out.push(path.relative(this.root, full).split(path.sep).join('/'))
      }
    }
    await walk(dir)
    return out.sort()
  }

  async signedUrl(): Promise<string | null> {
    return null // served by the app, with Range support and the owner check
  }
}
