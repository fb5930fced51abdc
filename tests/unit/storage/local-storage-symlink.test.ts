import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LocalStorage } from '@/lib/shared/storage/local-storage'

describe('LocalStorage and symlinks', () => {
  it('never lists or serves a symlink, so nothing outside the root is reachable through one', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'bb-symlink-'))
    const outside = path.join(base, 'secret.txt')
    await writeFile(outside, 'top secret')
    const root = path.join(base, 'root')
    await mkdir(path.join(root, 'clips'), { recursive: true })
    await symlink(outside, path.join(root, 'clips', 'evil.mp4'))
    const storage = new LocalStorage(root)
    await storage.put('clips/real.mp4', Buffer.from('video'))
    expect(await storage.list('clips')).toEqual(['clips/real.mp4'])
    expect(await storage.head('clips/evil.mp4')).toBeNull()
    await expect(storage.get('clips/evil.mp4')).rejects.toMatchObject({ status: 404 })
  })
})
