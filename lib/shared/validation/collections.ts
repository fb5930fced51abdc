import { z } from 'zod'

const name = z.string().trim().min(1, 'is required').max(80)
const note = z.string().trim().max(1000)

export const CreateCollectionSchema = z.object({ name, description: z.string().trim().max(500).default('') }).strict()
export const UpdateCollectionSchema = z.object({ name: name.optional(), description: z.string().trim().max(500).optional() }).strict()
export const AddCollectionItemSchema = z.object({ taskId: z.string().min(1).max(64), note: note.default('') }).strict()
export const UpdateCollectionItemSchema = z.object({ note }).strict()
/** The collection's items in their new order: every item id exactly once. */
export const ReorderCollectionSchema = z.object({ itemIds: z.array(z.string().min(1).max(64)).min(1).max(500) }).strict()
export const CollectionItemParamsSchema = z.object({ id: z.string().min(1).max(64), itemId: z.string().min(1).max(64) })
