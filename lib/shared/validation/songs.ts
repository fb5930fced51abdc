import { z } from 'zod'
import { PaginationSchema } from './pagination'

export const SongFieldsSchema = z.object({
  title: z.string().trim().min(1, 'is required').max(200),
  artist: z.string().trim().max(200).default(''),
  visibility: z.enum(['PRIVATE', 'PUBLIC']).default('PRIVATE'),
})

export const SongListQuerySchema = PaginationSchema.extend({
  q: z.string().trim().max(100).optional(),
  minBpm: z.coerce.number().min(20).max(400).optional(),
  maxBpm: z.coerce.number().min(20).max(400).optional(),
  energy: z.enum(['low', 'medium', 'high']).optional(),
  mine: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  sort: z.enum(['title', 'artist', 'bpm', 'createdAt', 'durationSeconds']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
})

export const IdParamsSchema = z.object({ id: z.string().min(1).max(64) })

/** PATCH /api/songs/:id: what an owner (or an admin) may change; at least one field. */
export const SongPatchSchema = z.object({
  title: SongFieldsSchema.shape.title.optional(),
  artist: z.string().trim().max(200).optional(),
  visibility: SongFieldsSchema.shape.visibility.unwrap().optional(),
}).strict().refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change: give a title, artist or visibility' })

/** The /admin/songs list: search by title or artist, a visibility filter, pages. */
export const ManagedSongListQuerySchema = PaginationSchema.extend({
  q: z.string().trim().max(100).optional(),
  visibility: z.enum(['PRIVATE', 'PUBLIC']).optional(),
})
