import { mkdtempSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LocalStorage } from '@/lib/shared/storage/local-storage'
import { describeStorageContract } from './storage-contract'

const root = mkdtempSync(path.join(tmpdir(), 'bb-local-storage-'))
describeStorageContract('LocalStorage', () => new LocalStorage(root), { signedUrls: false })

describe('LocalStorage confinement', () => {
  it('never writes outside its root, whatever the key', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'bb-local-parent-'))
    const s = new LocalStorage(path.join(parent, 'root'))
    for (const bad of ['../outside.txt', 'clips/../../outside.txt', `${parent}/outside.txt`, 'clips/..%2f..%2foutside.txt']) {
      await expect(s.put(bad, Buffer.from('x'))).rejects.toMatchObject({ status: 400 })
    }
    expect(await readdir(parent)).toEqual([])
  })

  it('leaves no partial file behind when the stream fails', async () => {
    const s = new LocalStorage(mkdtempSync(path.join(tmpdir(), 'bb-local-fail-')))
    async function* failing() {
      yield Buffer.from('half')
      throw new Error('client went away')
    }
    const { Readable } = await import('node:stream')
    await expect(s.put('uploads/x/broken.bin', Readable.from(failing()))).rejects.toThrow('client went away')
    expect(await readdir(path.join(s.root, 'uploads/x'))).toEqual([])
    expect(await s.head('uploads/x/broken.bin')).toBeNull()
  })
})
