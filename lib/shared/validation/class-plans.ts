import { z } from 'zod'
import { DifficultySchema } from '@/lib/engines/dance/vocabulary'
import { ShareTokenSchema } from './choreographies'

const id = z.string().min(1).max(64)
const title = z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters')
const description = z.string().trim().max(2000, 'must be at most 2000 characters')
const level = DifficultySchema
const notes = z.string().trim().max(2000, 'must be at most 2000 characters')
/** Minutes spent on an item in class: a whole lesson at most. */
const durationMinutes = z.number().int('must be whole minutes').min(1, 'must be at least 1').max(240, 'must be at most 240')
/** A date-time string (an <input type="datetime-local"> value or ISO); null clears it. */
const scheduledFor = z.union([
  z.null(),
  z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date and time').transform((s) => new Date(s)),
])

export const CreateClassPlanSchema = z.object({
  title,
  description: description.default(''),
  level: level.nullable().default(null),
  scheduledFor: scheduledFor.default(null),
  shared: z.boolean().default(false),
}).strict()

export const UpdateClassPlanSchema = z.object({
  title: title.optional(),
  description: description.optional(),
  level: level.nullable().optional(),
  scheduledFor: scheduledFor.optional(),
  shared: z.boolean().optional(),
}).strict()

/**
 * An item is one of: a choreography the caller owns (taskId), a choreography someone shared
 * with them (the share link's token, or its whole URL), or a library move (moveId).
 */
export const AddClassPlanItemSchema = z.object({
  taskId: id.optional(),
  shareToken: z.string().trim().max(300).transform((s) => s.replace(/^.*\/s\//, '').replace(/[?#].*$/, '')).pipe(ShareTokenSchema).optional(),
  moveId: z.string().min(1).max(80).optional(),
  notes: notes.default(''),
  durationMinutes: durationMinutes.nullable().default(null),
}).strict().refine((b) => [b.taskId, b.shareToken, b.moveId].filter((x) => x !== undefined).length === 1, {
  message: 'give exactly one of taskId, shareToken or moveId', path: ['taskId'],
})

export const UpdateClassPlanItemSchema = z.object({
  notes: notes.optional(),
  durationMinutes: durationMinutes.nullable().optional(),
}).strict()

/** The plan's items in their new order: every item id exactly once. */
export const ReorderClassPlanSchema = z.object({ itemIds: z.array(id).min(1).max(200) }).strict()
export const ClassPlanParamsSchema = z.object({ id })
export const ClassPlanItemParamsSchema = z.object({ id, itemId: id })

export type CreateClassPlanInput = z.infer<typeof CreateClassPlanSchema>
export type UpdateClassPlanInput = z.infer<typeof UpdateClassPlanSchema>
export type AddClassPlanItemInput = z.infer<typeof AddClassPlanItemSchema>
export type UpdateClassPlanItemInput = z.infer<typeof UpdateClassPlanItemSchema>
