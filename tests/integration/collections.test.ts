import { describe, expect, it } from 'vitest'
import { api, expectErrorShape, registerAndSignIn } from './http'

async function choreography(token: string, request: string) {
  const songs = await api('GET', '/api/songs?pageSize=1&sort=title', { token })
  const made = await api('POST', '/api/choreographies', { token, json: { songId: songs.body.items[0].id, request } })
  expect(made.status).toBe(202)
  return made.body.id as string
}

describe('collections', () => {
  it('create, rename, add with notes, reorder, remove, delete; owner only', async () => {
    const me = await registerAndSignIn('coll-owner')
    const them = await registerAndSignIn('coll-stranger')
    const token = me.accessToken
    const [a, b, c] = [await choreography(token, 'easy turns, 20 seconds'), await choreography(token, 'footwork, 20 seconds'), await choreography(token, 'dips, 20 seconds')]

    const made = await api('POST', '/api/collections', { token, json: { name: 'Tuesday class' } })
    expect(made.status).toBe(201)
    const id = made.body.collection.id
    expectErrorShape(await api('POST', '/api/collections', { token, json: { name: 'Tuesday class' } }), 422)
    expectErrorShape(await api('POST', '/api/collections', { token, json: { name: '' } }), 422)

    for (const [taskId, note] of [[a, 'warm-up'], [b, ''], [c, 'finale']]) {
      expect((await api('POST', `/api/collections/${id}/items`, { token, json: { taskId, note } })).status).toBe(201)
    }
    expectErrorShape(await api('POST', `/api/collections/${id}/items`, { token, json: { taskId: a } }), 409)
    const theirTask = await choreography(them.accessToken, 'not yours, 20 seconds')
    expectErrorShape(await api('POST', `/api/collections/${id}/items`, { token, json: { taskId: theirTask } }), 404)

    let got = await api('GET', `/api/collections/${id}`, { token })
    const ids = got.body.collection.items.map((i: { id: string }) => i.id)
    expect(got.body.collection.items.map((i: { choreography: { id: string } }) => i.choreography.id)).toEqual([a, b, c])
    expect(got.body.collection.items[0].note).toBe('warm-up')

    const reordered = await api('PUT', `/api/collections/${id}/order`, { token, json: { itemIds: [ids[2], ids[0], ids[1]] } })
    expect(reordered.body.collection.items.map((i: { choreography: { id: string } }) => i.choreography.id)).toEqual([c, a, b])
    expectErrorShape(await api('PUT', `/api/collections/${id}/order`, { token, json: { itemIds: [ids[0], ids[0], ids[1]] } }), 422)
    expectErrorShape(await api('PUT', `/api/collections/${id}/order`, { token, json: { itemIds: [ids[0]] } }), 422)

    const noted = await api('PATCH', `/api/collections/${id}/items/${ids[1]}`, { token, json: { note: 'slow it down first' } })
    expect(noted.body.collection.items.find((i: { id: string }) => i.id === ids[1]).note).toBe('slow it down first')
    expect((await api('PATCH', `/api/collections/${id}`, { token, json: { name: 'Tuesday beginners' } })).body.collection.name).toBe('Tuesday beginners')
    expect((await api('DELETE', `/api/collections/${id}/items/${ids[0]}`, { token })).status).toBe(200)
    got = await api('GET', `/api/collections/${id}`, { token })
    expect(got.body.collection.items).toHaveLength(2)

    // A stranger gets the same 404 as for a collection that does not exist.
    const strangers = await api('GET', `/api/collections/${id}`, { token: them.accessToken })
    const missing = await api('GET', '/api/collections/nosuchcollection', { token: them.accessToken })
    expectErrorShape(strangers, 404)
    expect(strangers.body.error.message).toBe(missing.body.error.message)
    expectErrorShape(await api('DELETE', `/api/collections/${id}`, { token: them.accessToken }), 404)
    expectErrorShape(await api('PUT', `/api/collections/${id}/order`, { token: them.accessToken, json: { itemIds: ids } }), 404)

    const list = await api('GET', '/api/collections', { token })
    expect(list.body.items).toEqual([expect.objectContaining({ id, name: 'Tuesday beginners', itemCount: 2 })])
    expect((await api('DELETE', `/api/collections/${id}`, { token })).status).toBe(200)
    expectErrorShape(await api('GET', `/api/collections/${id}`, { token }), 404)
  })

  it('favourites are idempotent and private', async () => {
    const me = await registerAndSignIn('fav-owner')
    const them = await registerAndSignIn('fav-stranger')
    const id = await choreography(me.accessToken, 'romantic, 20 seconds')
    for (let i = 0; i < 2; i++) expect((await api('PUT', `/api/choreographies/${id}/favorite`, { token: me.accessToken })).body).toEqual({ favorite: true })
    expect((await api('GET', '/api/favorites', { token: me.accessToken })).body.items.map((f: { id: string }) => f.id)).toEqual([id])
    expectErrorShape(await api('PUT', `/api/choreographies/${id}/favorite`, { token: them.accessToken }), 404)
    expect((await api('GET', '/api/favorites', { token: them.accessToken })).body.items).toEqual([])
    expect((await api('DELETE', `/api/choreographies/${id}/favorite`, { token: me.accessToken })).body).toEqual({ favorite: false })
    expect((await api('GET', '/api/favorites', { token: me.accessToken })).body.items).toEqual([])
    expectErrorShape(await api('GET', '/api/favorites'), 401)
  })
})
