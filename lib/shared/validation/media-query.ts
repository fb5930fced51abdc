import { z } from 'zod'

/** ?download=1 asks for an attachment named bachata-<song>-<id>.<ext>. */
export const MediaQuerySchema = z.object({ download: z.enum(['1', 'true', '0', 'false']).optional() })

export const wantsDownload = (q: z.infer<typeof MediaQuerySchema>) => q.download === '1' || q.download === 'true'
