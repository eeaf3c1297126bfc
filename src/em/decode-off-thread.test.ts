// Both paths of decodeOffThread give the same documents and the same errors: here (no Worker in Node) and through
// a worker, played by a stand-in that clones messages both ways as postMessage does and answers as parse-worker.ts.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { answerMessages, type DecodeRequest } from './decode-message.ts'
import type { WireFormat } from './wire-format.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

class StandInWorker {
  static started = 0
  static messages = 0
  static failToLoad = false
  #listeners: Record<string, ((event: { data?: unknown }) => void)[]> = {}
  constructor() {
    StandInWorker.started += 1
  }
  addEventListener(type: string, listener: (event: { data?: unknown }) => void) {
    this.#listeners[type] = [...(this.#listeners[type] ?? []), listener]
  }
  postMessage(message: DecodeRequest) {
    setTimeout(() => {
      if (StandInWorker.failToLoad) {
        for (const listener of this.#listeners.error ?? []) listener({})
        return
      }
      // One task per message, as the browser delivers them.
      for (const answer of answerMessages(structuredClone(message))) {
        StandInWorker.messages += 1
        setTimeout(() => {
          const data = structuredClone(answer)
          for (const listener of this.#listeners.message ?? []) listener({ data })
        })
      }
    })
  }
  terminate() {}
}

async function freshDecoder(withWorker: boolean) {
  vi.resetModules()
  if (withWorker) vi.stubGlobal('Worker', StandInWorker)
  const { decodeOffThread } = await import('./decode-off-thread.ts')
  return decodeOffThread
}

/** The value, or the rejection as class name + own fields, so errors compare as deeply as documents. */
async function outcome(
  promise: Promise<unknown>,
): Promise<{ doc: unknown } | { error: Record<string, unknown> }> {
  try {
    return { doc: await promise }
  } catch (error) {
    if (!(error instanceof Error)) throw error
    return { error: { class: error.constructor.name, ...error, message: error.message } }
  }
}

const BODIES: [string, string, WireFormat, string][] = [
  ['XML page of sessions', fixture('query-replica-entities.xml'), 'xml', 'document'],
  ['JSON page of sessions', fixture('query-replica-entities.json'), 'json', 'document'],
  ['JSON with a BOM', `\uFEFF${fixture('logon-session.json')}`, 'json', 'document'],
  ['XML Error document in a 2xx', fixture('error.xml'), 'xml', 'EmHttpError'],
  ['JSON Error document in a 2xx', fixture('error.json'), 'json', 'EmHttpError'],
  ['truncated XML', fixture('job-replica.xml').slice(0, 200), 'xml', 'EmParseError'],
  ['malformed JSON', '{"Name": ', 'json', 'EmParseError'],
  ['an HTML page', '<!doctype html><html><body>Sign in</body></html>', 'xml', 'EmParseError'],
  ['an empty body', '  ', 'json', 'EmParseError'],
]

afterEach(() => {
  vi.unstubAllGlobals()
  StandInWorker.started = 0
  StandInWorker.messages = 0
  StandInWorker.failToLoad = false
})

describe('decodeOffThread', () => {
  test.each(BODIES)('%s: the worker path equals the path here', async (_name, text, format, expected) => {
    const here = await outcome((await freshDecoder(false))(text, format, '/api/x'))
    expect('doc' in here ? 'document' : here.error.class).toBe(expected)
    const offThread = await outcome((await freshDecoder(true))(text, format, '/api/x'))
    expect(StandInWorker.started).toBe(1)
    expect(offThread).toEqual(here)
  })

  test.each([
    ['XML page of sessions', fixture('query-replica-entities.xml'), 'xml'],
    ['JSON page of sessions', fixture('query-replica-entities.json'), 'json'],
  ] as const)(
    '%s validated in the worker: the same domain objects as parseSessionsPage here',
    async (_name, text, format) => {
      const { decodeBody } = await import('./decode-body.ts')
      const { parseSessionsPage } = await import('./parse-session.ts')
      const expected = parseSessionsPage(decodeBody(text, format))
      expect(expected.items.length).toBeGreaterThan(0)
      const offThread = await (await freshDecoder(true))(text, format, '/api/x', 'sessions')
      expect(StandInWorker.started).toBe(1)
      expect(offThread).toEqual(expected)
      expect(await (await freshDecoder(false))(text, format, '/api/x', 'sessions')).toEqual(expected)
    },
  )

  test.each([
    ['session', 'replicasession-entity.xml'],
    ['taskList', 'replicasession-replicatasksessions-entities.xml'],
    ['job', 'job-entity-backup.xml'],
    ['backupServer', 'backupserver-entity.xml'],
  ] as const)(
    'the %s parser gives the same domain objects in the worker as here (%s)',
    async (parser, name) => {
      const text = readFileSync(new URL(`../test/fixtures/veeam-samples/${name}`, import.meta.url), 'utf8')
      const { decodeBody } = await import('./decode-body.ts')
      const { PAGE_PARSERS } = await import('./page-parsers.ts')
      const expected = PAGE_PARSERS[parser](decodeBody(text, 'xml'))
      expect(await (await freshDecoder(true))(text, 'xml', '/api/x', parser)).toEqual(expected)
      expect(StandInWorker.started).toBe(1)
      expect(await (await freshDecoder(false))(text, 'xml', '/api/x', parser)).toEqual(expected)
    },
  )

  test('a 1,000-session page comes back in messages of 100 sessions, whole and in order', async () => {
    // Each message is one task on the main thread: a single structured clone of 1,000 sessions took 20-40 ms there.
    const { decodeBody } = await import('./decode-body.ts')
    const { parseSessionsPage } = await import('./parse-session.ts')
    const one = fixture('query-replica-entities.json')
    const page = JSON.parse(one)
    const entities = page.Entities.ReplicaJobSessions.ReplicaJobSessions
    expect(entities.length).toBeGreaterThan(0)
    page.Entities.ReplicaJobSessions.ReplicaJobSessions = Array.from({ length: 1000 }, (_, i) => ({
      ...entities[i % entities.length],
      UID: `urn:veeam:ReplicaJobSession:${String(i).padStart(8, '0')}-0000-0000-0000-000000000000`,
    }))
    const text = JSON.stringify(page)
    const expected = parseSessionsPage(decodeBody(text, 'json'))
    expect(expected.items).toHaveLength(1000)
    const offThread = await (await freshDecoder(true))(text, 'json', '/api/x', 'sessions')
    expect(offThread).toEqual(expected)
    expect(StandInWorker.messages).toBe(10)
  })

  test('a body that is no page of sessions fails validation in the worker as it does here', async () => {
    const text = fixture('job-replica.xml')
    const here = await outcome((await freshDecoder(false))(text, 'xml', '/api/x', 'sessions'))
    expect('error' in here ? here.error.class : 'document').toBe('EmParseError')
    expect(await outcome((await freshDecoder(true))(text, 'xml', '/api/x', 'sessions'))).toEqual(here)
  })

  test('the path here is decodeBody itself', async () => {
    const { decodeBody } = await import('./decode-body.ts')
    const text = fixture('query-replica-entities.xml')
    expect(await (await freshDecoder(false))(text, 'xml')).toEqual(decodeBody(text, 'xml'))
  })

  test('a worker that fails to load leaves decoding to the main thread, for this and later bodies', async () => {
    StandInWorker.failToLoad = true
    const decode = await freshDecoder(true)
    const text = fixture('query-replica-entities.json')
    const { decodeBody } = await import('./decode-body.ts')
    expect(await decode(text, 'json')).toEqual(decodeBody(text, 'json'))
    expect(await decode(text, 'json')).toEqual(decodeBody(text, 'json'))
    expect(StandInWorker.started).toBe(1)
  })

  test('bodies in flight together go to a second worker, never a third', async () => {
    const decode = await freshDecoder(true)
    const text = fixture('query-replica-entities.json')
    const docs = await Promise.all([decode(text, 'json'), decode(text, 'json'), decode(text, 'json')])
    expect(StandInWorker.started).toBe(2)
    const { decodeBody } = await import('./decode-body.ts')
    for (const doc of docs) expect(doc).toEqual(decodeBody(text, 'json'))
    await decode(text, 'json')
    expect(StandInWorker.started).toBe(2)
  })

  test('a body waiting for a worker goes before larger ones that waited longer', async () => {
    const decode = await freshDecoder(true)
    const large = fixture('query-replica-entities.json')
    const small = fixture('logon-session.json')
    const done: string[] = []
    const track = (name: string, text: string) => decode(text, 'json').then(() => done.push(name))
    // Two workers take the first two; the third and fourth wait, and the small one is handed over first.
    await Promise.all([track('A', large), track('B', large), track('C', large), track('small', small)])
    expect(StandInWorker.started).toBe(2)
    expect(done).toEqual(['A', 'B', 'small', 'C'])
  })
})
