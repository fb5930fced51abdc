import { randomBytes } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { describe, expect, it } from 'vitest'
import type { Storage } from '@/lib/shared/storage/storage'

/**
 * The behaviour every Storage implementation must share, run against LocalStorage and
 * S3Storage (on s3rver) alike: callers never learn which one they have.
 */
export function describeStorageContract(name: string, make: () => Storage, opts: { signedUrls: boolean }) {
  describe(`Storage contract: ${name}`, () => {
    const read = async (s: Storage, key: string, range?: { start: number; end: number }) => {
      const { stream, size } = await s.get(key, range)
      const chunks: Buffer[] = []
      for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array))
      return { bytes: Buffer.concat(chunks), size }
    }

    it('puts a Buffer and a stream of unknown length, and gets the same bytes back', async () => {
      const s = make()
      const small = randomBytes(1234)
      expect((await s.put('uploads/contract/small.bin', small)).size).toBe(1234)
      expect((await read(s, 'uploads/contract/small.bin')).bytes.equals(small)).toBe(true)

      // 11 MiB in 64 KiB pieces: more than one 5 MiB part, so S3 takes the multipart path.
      const big = randomBytes(11 * 1024 * 1024 + 17)
      const pieces = Array.from({ length: Math.ceil(big.length / 65536) }, (_, i) => big.subarray(i * 65536, (i + 1) * 65536))
      expect((await s.put('outputs/contract/big.bin', Readable.from(pieces))).size).toBe(big.length)
      const back = await read(s, 'outputs/contract/big.bin')
      expect(back.size).toBe(big.length)
      expect(back.bytes.equals(big)).toBe(true)
    })

    it('putFile stores a file; head reports the size; a missing key heads as null', async () => {
      const s = make()
      const dir = await mkdtemp(path.join(tmpdir(), 'bb-contract-'))
      const file = path.join(dir, 'poster.jpg')
      const data = randomBytes(4096)
      await writeFile(file, data)
      await s.putFile('posters/contract/p.jpg', file, { contentType: 'image/jpeg' })
      expect((await s.head('posters/contract/p.jpg'))?.size).toBe(4096)
      expect(await s.head('posters/contract/missing.jpg')).toBeNull()
      await expect(s.get('posters/contract/missing.jpg')).rejects.toMatchObject({ status: 404 })
    })

    it('head reports a version that holds while the object is unchanged and changes when it is rewritten', async () => {
      const s = make()
      await s.put('clips/contract/versioned.mp4', Buffer.from('first version...'))
      const a = await s.head('clips/contract/versioned.mp4')
      expect(a?.version).toMatch(/\S/)
      expect((await s.head('clips/contract/versioned.mp4'))?.version).toBe(a?.version)
      // Same size, other bytes: only the version can tell them apart.
      await s.put('clips/contract/versioned.mp4', Buffer.from('second version..'))
      const b = await s.head('clips/contract/versioned.mp4')
      expect(b?.size).toBe(a?.size)
      expect(b?.version).not.toBe(a?.version)
    })

    it('gets byte ranges (inclusive end) and still reports the whole size', async () => {
      const s = make()
      const data = Buffer.from('0123456789abcdefghij')
      await s.put('clips/contract/range.bin', data)
      const mid = await read(s, 'clips/contract/range.bin', { start: 5, end: 9 })
      expect(mid.bytes.toString()).toBe('56789')
      expect(mid.size).toBe(20)
      expect((await read(s, 'clips/contract/range.bin', { start: 19, end: 19 })).bytes.toString()).toBe('j')
      expect((await read(s, 'clips/contract/range.bin', { start: 0, end: 0 })).bytes.toString()).toBe('0')
    })

    it('overwrites atomically and deletes (deleting a missing key is fine)', async () => {
      const s = make()
      await s.put('songs/contract/a.mp3', Buffer.from('first'))
      await s.put('songs/contract/a.mp3', Buffer.from('second!'))
      expect((await read(s, 'songs/contract/a.mp3')).bytes.toString()).toBe('second!')
      await s.delete('songs/contract/a.mp3')
      expect(await s.head('songs/contract/a.mp3')).toBeNull()
      await s.delete('songs/contract/a.mp3')
    })

    it('lists by prefix as a directory, sorted, nested keys included', async () => {
      const s = make()
      for (const k of ['clips/list/b.mp4', 'clips/list/a.mp4', 'clips/list/sub/c.mp4', 'clips/list2/x.mp4']) {
        await s.put(k, Buffer.from(k))
      }
      expect(await s.list('clips/list')).toEqual(['clips/list/a.mp4', 'clips/list/b.mp4', 'clips/list/sub/c.mp4'])
      expect(await s.list('clips/list/')).toEqual(['clips/list/a.mp4', 'clips/list/b.mp4', 'clips/list/sub/c.mp4'])
      expect(await s.list('clips/nothing-here')).toEqual([])
    })

    it('refuses keys that could escape: .., absolute paths, backslashes, unknown prefixes', async () => {
      const s = make()
      for (const bad of ['../etc/passwd', 'clips/../../etc/passwd', '/etc/passwd', 'clips\\..\\x', 'secret/x.mp4',
        'clips/./x', 'clips//x', 'clips/', '', 'clips/%2e%2e/x']) {
        await expect(s.put(bad, Buffer.from('x')), bad).rejects.toMatchObject({ status: 400 })
        await expect(s.get(bad), bad).rejects.toMatchObject({ status: 400 })
        await expect(s.head(bad), bad).rejects.toMatchObject({ status: 400 })
        await expect(s.delete(bad), bad).rejects.toMatchObject({ status: 400 })
      }
      await expect(s.list('../..')).rejects.toMatchObject({ status: 400 })
    })

    if (opts.signedUrls) {
      it('signs a short-lived URL that a plain HTTP client can fetch (and ask for as a download)', async () => {
        const s = make()
        await s.put('outputs/contract/video.mp4', Buffer.from('not really a video'), { contentType: 'video/mp4' })
        const url = await s.signedUrl('outputs/contract/video.mp4', { expiresInSeconds: 60, downloadName: 'bachata-x.mp4' })
        expect(url).toMatch(/X-Amz-Signature=/)
        expect(url).toMatch(/X-Amz-Expires=60/)
        const res = await fetch(url!)
        expect(res.status).toBe(200)
        expect(await res.text()).toBe('not really a video')
        expect(res.headers.get('content-disposition')).toContain('bachata-x.mp4')
        const ranged = await fetch(url!, { headers: { range: 'bytes=4-9' } })
        expect(ranged.status).toBe(206)
        expect(await text(ranged.body as unknown as Readable)).toBe('really')
      })
    } else {
      it('has no signed URLs: the app serves the file itself', async () => {
        expect(await make().signedUrl('outputs/contract/video.mp4')).toBeNull()
      })
    }
  })
}
