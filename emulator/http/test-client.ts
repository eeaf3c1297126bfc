// Test-only HTTP helpers: protocol tests talk to a started emulator over real sockets.
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { XMLParser } from 'fast-xml-parser'

export interface Reply {
  status: number
  statusMessage: string
  headers: IncomingHttpHeaders
  rawHeaders: string[]
  body: Buffer
  text: string
}

export interface SendOptions {
  method?: string
  headers?: Record<string, string>
  body?: string
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 })

/** Sends one request; `path` is written to the request line as given (undecoded). */
export function send(base: string, path: string, options: SendOptions = {}): Promise<Reply> {
  const origin = new URL(base)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: origin.hostname,
        port: origin.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          resolve({
            status: res.statusCode ?? 0,
            statusMessage: res.statusMessage ?? '',
            headers: res.headers,
            rawHeaders: res.rawHeaders,
            body,
            text: body.toString('utf8'),
          })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`
}

/** Logs on and returns the token from the X-RestSvcSessionId response header. */
export async function logon(base: string, user = 'admin', password = 'admin'): Promise<string> {
  const reply = await send(base, '/api/sessionMngr/?v=latest', {
    method: 'POST',
    headers: { Authorization: basic(user, password) },
  })
  const token = reply.headers['x-restsvcsessionid']
  if (reply.status !== 201 || typeof token !== 'string')
    throw new Error(`logon failed: ${reply.status} ${reply.text}`)
  return token
}

export const JSON_ACCEPT = { Accept: 'application/json' }

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // List items are arrays even when alone; the same names at the root are single documents.
  isArray: (name, path) =>
    typeof path === 'string' &&
    path.includes('.') &&
    [
      'Link',
      'Ref',
      'ReplicaJobSession',
      'ReplicaTaskSession',
      'Job',
      'BackupServer',
      'LogonSession',
    ].includes(name),
})

export function parseXml(text: string): unknown {
  return parser.parse(text)
}

/** Walks an unknown parsed document by keys and indexes; undefined as soon as a step is missing. */
export function dig(value: unknown, ...steps: (string | number)[]): unknown {
  let current: unknown = value
  for (const step of steps) {
    if (typeof current !== 'object' || current === null) return undefined
    current = Reflect.get(current, step)
  }
  return current
}

export function list(value: unknown, ...steps: (string | number)[]): unknown[] {
  const found = dig(value, ...steps)
  return Array.isArray(found) ? found : []
}

/** StatusCode and Message of an EM Error body in either format (em-api.md §8). */
export function errorOf(reply: Reply): { status: unknown; message: unknown } {
  if (String(reply.headers['content-type']).includes('json')) {
    const body: unknown = JSON.parse(reply.text)
    return { status: dig(body, 'StatusCode'), message: dig(body, 'Message') }
  }
  const doc = parseXml(reply.text)
  const status = dig(doc, 'Error', 'StatusCode')
  return {
    status: typeof status === 'string' ? Number(status) : status,
    message: dig(doc, 'Error', 'Message'),
  }
}

/** The Href of the first link with this Rel (and Type, when given) in a parsed Links list. */
export function hrefOf(links: unknown[], rel: string, type?: string): string {
  const link = links.find(
    (item) => dig(item, 'Rel') === rel && (type === undefined || dig(item, 'Type') === type),
  )
  const href = dig(link, 'Href')
  if (typeof href !== 'string') throw new Error(`no ${rel} ${type ?? ''} link`)
  return href
}

/** Maps an EM Href (public URL) onto the emulator's own address: the part after `/api/` is kept. */
export function localPath(href: string): string {
  const index = href.indexOf('/api/')
  if (index < 0) throw new Error(`not an EM Href: ${href}`)
  return href.slice(index)
}

export interface ReadPage {
  items: unknown[]
  uids: string[]
  pageNum: number
  pageSize: number
  pagesCount: number
  links: { rel: string; href: string }[]
}

/**
 * Reads a QueryResult in either format into one shape. `collection` is the plural entity key
 * (`ReplicaJobSessions`); references are read when the body has Refs.
 */
export function readQueryPage(reply: Reply, collection: string): ReadPage {
  const json = String(reply.headers['content-type']).includes('json')
  const root: unknown = json ? JSON.parse(reply.text) : dig(parseXml(reply.text), 'QueryResult')
  const singular = collection.replace(/s$/, '')
  const refs = json ? dig(root, 'Refs', 'Refs') : dig(root, 'Refs', 'Ref')
  const entities = json
    ? dig(root, 'Entities', collection, collection)
    : dig(root, 'Entities', collection, singular)
  const items = Array.isArray(refs) ? refs : Array.isArray(entities) ? entities : []
  const paging = dig(root, 'PagingInfo')
  const links = (json ? list(paging, 'Links') : list(paging, 'Links', 'Link')).map((link) => ({
    rel: String(dig(link, 'Rel')),
    href: String(dig(link, 'Href')),
  }))
  return {
    items,
    uids: items.map((item) => String(dig(item, 'UID'))),
    pageNum: Number(dig(paging, 'PageNum')),
    pageSize: Number(dig(paging, 'PageSize')),
    pagesCount: Number(dig(paging, 'PagesCount')),
    links,
  }
}

/** A field of an entity in either format: XML child text or attribute, JSON key. */
export function field(item: unknown, name: string): string {
  const value = dig(item, name)
  return value === undefined || value === null ? '' : String(value)
}

/** Calls the control surface of an emulator started with `control: true`; JSON in, JSON out. */
export async function control(
  base: string,
  path: string,
  body?: unknown,
  method = 'POST',
): Promise<{ status: number; body: unknown }> {
  const reply = await send(base, `/__emulator/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const parsed: unknown = reply.text === '' ? undefined : JSON.parse(reply.text)
  return { status: reply.status, body: parsed }
}

/** Polls until `check` holds; the generous cap only turns a hang into a failure. */
export async function until(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('condition not reached within 2 s')
}
