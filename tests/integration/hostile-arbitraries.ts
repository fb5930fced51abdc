import fc from 'fast-check'

/** fast-check arbitraries for hostile requests: strings, path segments, queries and bodies. */

const PAYLOADS = [
  // SQL
  "' OR '1'='1", `'; DROP TABLE "User"; --`, '1; SELECT pg_sleep(5)--', '" OR ""="', '%', '_', '%_%', '\\', "\\'",
  // HTML and script
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg/onload=alert(1)>', 'javascript:alert(1)', '</textarea><b>',
  // traversal
  '../../../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', '....//....//x', '..%2f..%2fetc', 'file:///etc/passwd', '.', '..', '/', '~root',
  // unicode edges: NUL, lone surrogates, RTL override, zero-width, BOM, line separators, emoji, combining marks, fullwidth
  '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83d', '\udc00y', '\u202eevil.mp3', '\u200b', '\u200d', '\ufeff', '\u2028\u2029', '💃🏽‍♀️',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o', '\u0301', 'ａｄｍｉｎ', '\u0007\u001b[31m',
  // things code may take for other types
  '__proto__', 'constructor', 'prototype', 'toString', 'null', 'undefined', 'NaN', 'Infinity', '-1', '0', '1e309', '9007199254740993', '',
  ' ', '\t\n', '${jndi:ldap://x}', '{{7*7}}', '%s%n%x', '[]', '{}', 'true',
]

/** Path segments sent exactly as written: malformed or overlong percent escapes. */
export const RAW_SEGMENTS = ['%zz', '%', '%c0%ae%c0%ae%2f', '%ff%fe', '%E0%80%AF', '%00', '%ED%A0%80', '..%252f', '%2e%2e', '%2e%2e%2f%2e%2e%2f']

/** Every UTF-16 code unit, lone surrogates included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...PAYLOADS), weight: 4 },
  { arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 8 }), fc.constantFrom(...PAYLOADS)).map((p) => p.join('')), weight: 2 },
  { arbitrary: fc.integer({ min: 100, max: 1_800 }).map((n) => 'é'.repeat(n)), weight: 1 }, // overlong, multibyte
  { arbitrary: fc.stringMatching(/^c[a-z0-9]{24}$/), weight: 1 }, // a cuid nobody issued
)

/** Percent-encodes a string for a URL, lone surrogates as their (invalid) WTF-8 bytes, which
 * encodeURIComponent would refuse to write. */
export function encodePathValue(s: string, limit = 600): string {
  let out = ''
  // Bounded before encoding: a request line past Node's 16 KB header limit is a bare 431 from
  // Node's parser, before the app (a multibyte character takes up to 12 bytes encoded).
  for (const ch of s.slice(0, limit)) {
    const c = ch.charCodeAt(0)
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
    } else out += encodeURIComponent(ch)
  }
  return out
}

const QUERY_KEYS = ['q', 'page', 'pageSize', 'sort', 'status', 'songId', 'mine', 'role', 'download', 'v', 'family', 'difficulty', 'maxDifficulty',
  'style', 'energy', 'hold', 'excludeFamily', 'visibility', 'limit', 'cursor', 'page[]', '__proto__', 'constructor']

export const queryArb: fc.Arbitrary<string> = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), hostileString), fc.oneof(hostileString, fc.constantFrom('1', '0', '-1', '1e9', 'true', 'newest'))),
  { minLength: 1, maxLength: 5 },
).map((pairs) => '?' + pairs.map(([k, v]) => `${encodePathValue(k, 40)}=${encodePathValue(v, 120)}`).join('&'))

const BODY_KEYS = ['name', 'title', 'description', 'email', 'password', 'text', 'songId', 'request', 'taskId', 'itemIds', 'note', 'notes', 'moveId',
  'shareToken', 'role', 'disabled', 'refreshToken', 'token', 'currentPassword', 'newPassword', 'preferences', 'bio', 'school', 'links', 'visibility',
  'artist', 'kind', 'factor', 'beats', 'expiresInDays', 'level', 'scheduledFor', 'shared', 'durationMinutes', 'label', 'url', 'enabled', 'reset',
  'sectionIndex', 'time', 'start', 'end', 'params', 'id', '__proto__', 'constructor', 'prototype']

const leaf = fc.oneof(
  hostileString,
  fc.double(),
  fc.integer(),
  fc.constantFrom<unknown>(true, false, null, 0, -0, 1e308, -1, 2 ** 53 + 1, 0.5, 2, 'PUBLIC', 'PRIVATE', 'ADMIN', 'USER', 'tempo', 'shift', 'easy, 20 seconds',
    'someone@example.com', 'correct-horse-battery', 'https://example.com', 'beginner'),
)

const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 5 }), fc.dictionary(fc.oneof(fc.constantFrom(...BODY_KEYS), hostileString), tie('v'), { maxKeys: 6 })),
})).v

/** An object with the keys handlers read, holding anything: the likeliest way past a schema's first check. */
const plausibleObject = fc.dictionary(fc.constantFrom(...BODY_KEYS), jsonValue, { minKeys: 1, maxKeys: 5 })

const FILENAMES = ['../../etc/passwd', '..\\..\\song.mp3', 'a\u0000.mp3', '\u202e3pm.exe', 'song.mp3', '.htaccess', 'CON', 'x'.repeat(300) + '.mp3',
  '%2e%2e%2fsong.mp3', '<script>.mp3', "'; DROP TABLE x;--.wav", '💃.flac', '', '/abs/path.mp4', 'clip.mp4']
const FILE_STARTS = [[], [0x49, 0x44, 0x33, 3, 0, 0], [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45], [0x66, 0x4c, 0x61, 0x43], [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]]

const CONTENT_TYPES = ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=x',
  'application/json; charset=utf-16', 'application/xml', '']
const RAW_TEXTS = ['', 'null', '{', '{"a":', '[]', '"s"', '123', 'true', '{"a":1,"a":2}', '\ufeff{}', '{"__proto__":{"role":"ADMIN"}}', 'a=1&b=2',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', '--x\r\nContent-Disposition: form-data; name="file"; filename="../a"\r\n\r\nzz\r\n--x--', '{"text":"\\ud800"}', '{"a":"\\u0000"}']

export type HostileBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; type: string }
  | { kind: 'bytes'; bytes: number[]; type: string }
  | { kind: 'deep'; depth: number; open: 'array' | 'object' }
  | { kind: 'huge'; bytes: number; shape: 'string' | 'array' }
  | { kind: 'multipart'; fields: [string, string][]; file: { field: string; name: string; start: number[]; size: number } | null }

export const bodyArb: fc.Arbitrary<HostileBody> = fc.oneof(
  { arbitrary: fc.constant<HostileBody>({ kind: 'none' }), weight: 1 },
  { arbitrary: fc.oneof(jsonValue, plausibleObject).map((value): HostileBody => ({ kind: 'json', value })), weight: 6 },
  { arbitrary: fc.record({ text: fc.constantFrom(...RAW_TEXTS), type: fc.constantFrom(...CONTENT_TYPES) }).map((r): HostileBody => ({ kind: 'raw', ...r })), weight: 2 },
  // Bytes that are not UTF-8, labelled JSON.
  { arbitrary: fc.constant<HostileBody>({ kind: 'bytes', bytes: [0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d], type: 'application/json' }), weight: 1 },
  { arbitrary: fc.record({ depth: fc.constantFrom(63, 65, 500, 20_000), open: fc.constantFrom<'array' | 'object'>('array', 'object') }).map((r): HostileBody => ({ kind: 'deep', ...r })), weight: 1 },
  { arbitrary: fc.record({ bytes: fc.constantFrom(70_000, 1_200_000, 5_000_000), shape: fc.constantFrom<'string' | 'array'>('string', 'array') }).map((r): HostileBody => ({ kind: 'huge', ...r })), weight: 1 },
  {
    arbitrary: fc.record({
      fields: fc.array(fc.tuple(fc.oneof(fc.constantFrom('title', 'artist', 'visibility', 'annotation', 'file', 'clip'), hostileString), fc.oneof(hostileString, jsonValue.map((v) => JSON.stringify(v) ?? ''))), { maxLength: 4 }),
      file: fc.option(fc.record({
        field: fc.constantFrom('file', 'clip', 'annotation', 'x'), name: fc.oneof(fc.constantFrom(...FILENAMES), hostileString),
        start: fc.constantFrom(...FILE_STARTS), size: fc.integer({ min: 0, max: 8_192 }),
      })),
    }).map((r): HostileBody => ({ kind: 'multipart', ...r })),
    weight: 2,
  },
)

/** The api() options that send a body. */
export function toRequest(b: HostileBody): { json?: unknown; raw?: BodyInit; headers?: Record<string, string> } {
  switch (b.kind) {
    case 'none': return {}
    case 'json': return b.value === undefined ? {} : { raw: JSON.stringify(b.value) ?? 'null', headers: { 'content-type': 'application/json' } }
    case 'raw': return { raw: b.text, headers: b.type ? { 'content-type': b.type } : {} }
    case 'bytes': return { raw: new Uint8Array(b.bytes), headers: { 'content-type': b.type } }
    case 'deep': {
      const [open, close] = b.open === 'array' ? ['[', ']'] : ['{"a":', '}']
      return { raw: open.repeat(b.depth) + '1' + close.repeat(b.depth), headers: { 'content-type': 'application/json' } }
    }
    case 'huge': {
      const raw = b.shape === 'string' ? JSON.stringify({ name: 'x'.repeat(b.bytes), text: 'y', title: 'z' }) : `[${'1,'.repeat(b.bytes / 2)}1]`
      return { raw, headers: { 'content-type': 'application/json' } }
    }
    case 'multipart': {
      const form = new FormData()
      for (const [k, v] of b.fields) form.append(k, v)
      if (b.file) {
        const bytes = new Uint8Array(b.file.start.length + b.file.size)
        bytes.set(b.file.start)
        for (let i = b.file.start.length; i < bytes.length; i++) bytes[i] = (i * 7919) & 255
        form.append(b.file.field, new Blob([bytes]), b.file.name)
      }
      return { raw: form }
    }
  }
}
