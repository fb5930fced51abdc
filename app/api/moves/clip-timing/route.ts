import { handler } from '@/lib/shared/http/handler'
import { measureClipTiming } from '@/lib/services/moves/measure-clip-timing'
import { receiveMultipartFile } from '@/lib/shared/http/receive-multipart-file'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** multipart/form-data: clip (video ≤ 200 MB, ≤ 60 s) → the tempo and first count one of its
 * own music ({audio:true, bpm, firstCountOffset, countOnes, confidence}) or {audio:false}.
 * The ingest form asks before submit, to pre-fill and check the annotation. */
export const POST = handler(
  { roles: ['INSTRUCTOR', 'ADMIN'], rateLimit: { name: 'move-clip-timing', limit: 30, windowMs: 60_000 } },
  async ({ req }) => {
    const file = await receiveMultipartFile(req, { fileField: 'clip', maxBytes: 200 * 1024 * 1024, maxFieldBytes: 1024 })
    try {
      return await measureClipTiming(file.path)
    } finally {
      await file.cleanup()
    }
  },
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
