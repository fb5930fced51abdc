import type { z } from 'zod'
import { getDb, type Prisma } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import type {
  AddCollectionItemSchema, CreateCollectionSchema, UpdateCollectionSchema,
} from '@/lib/shared/validation/collections'

/** Bounded so a loop cannot grow one account without end. */
const MAX_COLLECTIONS = 200
const MAX_ITEMS = 500

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === 'P2002'

/** Only the owner sees a collection; anyone else gets the 404 a missing one gets. */
async function ownCollection(user: SessionUser, id: string) {
  const c = await getDb().collection.findFirst({ where: { id, ownerId: user.id } })
  if (!c) throw AppError.notFound('Collection')
  return c
}

const itemInclude = {
  task: { select: { id: true, requestText: true, status: true, song: { select: { title: true } } } },
} satisfies Prisma.CollectionItemInclude

type ItemRow = Prisma.CollectionItemGetPayload<{ include: typeof itemInclude }>

function serializeItem(i: ItemRow) {
  return {
    id: i.id, note: i.note, position: i.position, createdAt: i.createdAt,
    choreography: i.task ? { id: i.task.id, request: i.task.requestText, status: i.task.status, songTitle: i.task.song.title } : null,
  }
}

export async function listCollections(user: SessionUser) {
  const rows = await getDb().collection.findMany({
    where: { ownerId: user.id }, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], take: MAX_COLLECTIONS,
    include: { _count: { select: { items: true } } },
  })
  return { items: rows.map((c) => ({ id: c.id, name: c.name, description: c.description, itemCount: c._count.items, updatedAt: c.updatedAt })) }
}

export async function createCollection(user: SessionUser, input: z.infer<typeof CreateCollectionSchema>) {
  const db = getDb()
  if ((await db.collection.count({ where: { ownerId: user.id } })) >= MAX_COLLECTIONS) {
    throw AppError.conflict(`At most ${MAX_COLLECTIONS} collections`)
  }
  try {
    const c = await db.collection.create({ data: { ownerId: user.id, name: input.name, description: input.description } })
    return { collection: { id: c.id, name: c.name, description: c.description, itemCount: 0, updatedAt: c.updatedAt } }
  } catch (e) {
    if (isUniqueViolation(e)) throw AppError.validation('You already have a collection with that name', { name: ['already used'] })
    throw e
  }
}

export async function getCollection(user: SessionUser, id: string) {
  const c = await ownCollection(user, id)
  const items = await getDb().collectionItem.findMany({ where: { collectionId: id }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], include: itemInclude })
  return { collection: { id: c.id, name: c.name, description: c.description, updatedAt: c.updatedAt, items: items.map(serializeItem) } }
}

export async function updateCollection(user: SessionUser, id: string, input: z.infer<typeof UpdateCollectionSchema>) {
  await ownCollection(user, id)
  try {
    await getDb().collection.update({ where: { id }, data: input })
  } catch (e) {
    if (isUniqueViolation(e)) throw AppError.validation('You already have a collection with that name', { name: ['already used'] })
    throw e
  }
  return getCollection(user, id)
}

export async function deleteCollection(user: SessionUser, id: string) {
  await ownCollection(user, id)
  await getDb().collection.delete({ where: { id } })
  return { ok: true }
}

/** Adds one of the caller's own choreographies at the end (once: adding it again is a 409). */
export async function addCollectionItem(user: SessionUser, id: string, input: z.infer<typeof AddCollectionItemSchema>) {
  await ownCollection(user, id)
  const db = getDb()
  const task = await db.choreographyTask.findFirst({ where: { id: input.taskId, ownerId: user.id }, select: { id: true } })
  if (!task) throw AppError.notFound('Choreography')
  return db.$transaction(async (tx) => {
    // Serialises adds to one collection, so two at once cannot take the same position.
    await tx.$executeRaw`SELECT 1 FROM "Collection" WHERE id = ${id} FOR UPDATE`
    const count = await tx.collectionItem.count({ where: { collectionId: id } })
    if (count >= MAX_ITEMS) throw AppError.conflict(`At most ${MAX_ITEMS} items in a collection`)
    if (await tx.collectionItem.count({ where: { collectionId: id, taskId: input.taskId } })) {
      throw AppError.conflict('This choreography is already in that collection')
    }
    const last = await tx.collectionItem.aggregate({ where: { collectionId: id }, _max: { position: true } })
    const item = await tx.collectionItem.create({
      data: { collectionId: id, taskId: input.taskId, note: input.note, position: (last._max.position ?? -1) + 1 },
      include: itemInclude,
    })
    await tx.collection.update({ where: { id }, data: { updatedAt: new Date() } })
    return { item: serializeItem(item) }
  })
}

export async function updateCollectionItem(user: SessionUser, id: string, itemId: string, note: string) {
  await ownCollection(user, id)
  const { count } = await getDb().collectionItem.updateMany({ where: { id: itemId, collectionId: id }, data: { note } })
  if (count === 0) throw AppError.notFound('Collection item')
  return getCollection(user, id)
}

export async function removeCollectionItem(user: SessionUser, id: string, itemId: string) {
  await ownCollection(user, id)
  const { count } = await getDb().collectionItem.deleteMany({ where: { id: itemId, collectionId: id } })
  if (count === 0) throw AppError.notFound('Collection item')
  return { ok: true }
}

/** A new order: the request names every item once, or nothing changes. */
export async function reorderCollection(user: SessionUser, id: string, itemIds: string[]) {
  await ownCollection(user, id)
  const db = getDb()
  const current = await db.collectionItem.findMany({ where: { collectionId: id }, select: { id: true } })
  const known = new Set(current.map((i) => i.id))
  if (itemIds.length !== known.size || new Set(itemIds).size !== itemIds.length || !itemIds.every((i) => known.has(i))) {
    throw AppError.validation('List every item of the collection exactly once', { itemIds: ['must be a permutation of the items'] })
  }
  await db.$transaction(itemIds.map((itemId, position) => db.collectionItem.update({ where: { id: itemId }, data: { position } })))
  return getCollection(user, id)
}
