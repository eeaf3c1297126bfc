// Issue 7 §1: body text → validated domain objects, XML and JSON, against the floor of a bare JSON.parse.
import { decodeBody } from '../src/em/decode-body.ts'
import { parseSessionsPage } from '../src/em/parse-session.ts'
import type { WireFormat } from '../src/em/wire-format.ts'
import { logon } from './emulator-bench.ts'
import type { Figure } from './report.ts'
import { spawnEmulator } from './spawn-emulator.ts'
import { median } from './stats.ts'

const PAGE = 1000

async function fetchPage(
  baseUrl: string,
  token: string,
  format: WireFormat,
  options: { size: number; page: number },
): Promise<string> {
  const query = `query?type=ReplicaJobSession&format=Entities&sortDesc=CreationTime&pageSize=${options.size}&page=${options.page}`
  const ask = () =>
    fetch(baseUrl + query, {
      headers: {
        'x-restsvcsessionid': token,
        accept: format === 'json' ? 'application/json' : 'application/xml',
      },
    })
  // On a loaded machine the emulator may close an idle keep-alive socket just as the next request goes out
  // ("other side closed"): that request is asked again, once.
  const response = await ask().catch(ask)
  const text = await response.text()
  if (response.status !== 200) throw new Error(`${query} answered ${response.status}`)
  return text
}

const XML_LIST = /(<ReplicaJobSessions>)([\s\S]*)(<\/ReplicaJobSessions>)/

/**
 * EM caps a page at 1,000 (em-api.md §4.1), so a 10,000-entity page is the emulator's ten pages of 1,000 spliced
 * into the first one: the same element and property shapes, ten times the items.
 */
async function bodies(baseUrl: string, token: string, count: number): Promise<Record<WireFormat, string>> {
  if (count <= PAGE) {
    return {
      xml: await fetchPage(baseUrl, token, 'xml', { size: count, page: 1 }),
      json: await fetchPage(baseUrl, token, 'json', { size: count, page: 1 }),
    }
  }
  const pages = Math.ceil(count / PAGE)
  const xmlPages: string[] = []
  const jsonItems: unknown[] = []
  let jsonFirst: { Entities: { ReplicaJobSessions: { ReplicaJobSessions: unknown[] } } } | null = null
  for (let page = 1; page <= pages; page++) {
    xmlPages.push(await fetchPage(baseUrl, token, 'xml', { size: PAGE, page }))
    const doc = JSON.parse(await fetchPage(baseUrl, token, 'json', { size: PAGE, page }))
    jsonFirst ??= doc
    jsonItems.push(...doc.Entities.ReplicaJobSessions.ReplicaJobSessions)
  }
  const items = xmlPages.map((text) => XML_LIST.exec(text)?.[2] ?? '').join('')
  const first = xmlPages[0] ?? ''
  if (!jsonFirst || !XML_LIST.test(first)) throw new Error('unexpected page shape from the emulator')
  jsonFirst.Entities.ReplicaJobSessions.ReplicaJobSessions = jsonItems
  return {
    xml: first.replace(XML_LIST, (_all, open, _items, close) => open + items + close),
    json: JSON.stringify(jsonFirst),
  }
}

function time(iterations: number, run: () => unknown): number {
  run() // warm the JIT
  const samples: number[] = []
  for (let i = 0; i < iterations; i++) {
    const started = performance.now()
    run()
    samples.push(performance.now() - started)
  }
  return median(samples)
}

/** Parse figures for pages of each size; `iterations` timed runs each (median). */
export async function benchParse(options: { sizes: number[]; iterations: number }): Promise<Figure[]> {
  const largest = Math.max(...options.sizes)
  const emulator = await spawnEmulator(['--sessions', String(Math.max(3000, largest + 2000))])
  const figures: Figure[] = []
  try {
    const token = await logon(emulator.baseUrl)
    for (const size of options.sizes) {
      const body = await bodies(emulator.baseUrl, token, size)
      const check = parseSessionsPage(decodeBody(body.json, 'json'))
      if (check.items.length !== size) throw new Error(`expected ${size} sessions, got ${check.items.length}`)
      const floor = time(options.iterations, () => JSON.parse(body.json))
      const json = time(options.iterations, () => parseSessionsPage(decodeBody(body.json, 'json')))
      const xml = time(options.iterations, () => parseSessionsPage(decodeBody(body.xml, 'xml')))
      const section = `parse ${size.toLocaleString('en')} sessions`
      const kb = (text: string) => `${Math.round(text.length / 1024)} KB`
      figures.push(
        { section, name: 'floor: bare JSON.parse', value: floor, unit: 'ms', note: `JSON ${kb(body.json)}` },
        { section, name: 'JSON → domain', value: json, unit: 'ms' },
        {
          section,
          name: 'JSON → domain / floor',
          value: json / floor,
          unit: '×',
          ...(size === 1000 ? { budget: 3 } : {}),
        },
        {
          section,
          name: 'XML → domain',
          value: xml,
          unit: 'ms',
          // Issue 18: the worker's whole job for a 1,000-session page (the same V8 as Chromium's worker).
          ...(size === 1000 ? { budget: 30 } : {}),
          note: `XML ${kb(body.xml)}`,
        },
        { section, name: 'XML → domain / floor', value: xml / floor, unit: '×' },
      )
    }
    return figures
  } finally {
    await emulator.close()
  }
}
