// The fast path must build exactly what fast-xml-parser builds, or decline: every fixture, every kind of answer the
// emulator gives, generated documents, and the bodies it must leave to the slow path and its error messages.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { emulatorAnswers } from '@/test/emulator-answers.ts'
import { readSample } from '@/test/samples.ts'
import { parseXml, parseXmlQuickly, parseXmlSlowly } from './xml.ts'

const FIXTURES = new URL('./fixtures/', import.meta.url)
const SAMPLES = new URL('../test/fixtures/veeam-samples/', import.meta.url)
const xmlFiles = (dir: URL) => readdirSync(dir).filter((name) => name.endsWith('.xml'))

/** What parseXml answers or throws, to compare both paths whole. */
function outcome(parse: (text: string) => unknown, text: string): unknown {
  try {
    return { tree: parse(text) }
  } catch (error) {
    return { error: String(error) }
  }
}

function expectSameTree(text: string): void {
  const quick = parseXmlQuickly(text)
  expect(quick, 'the fast path declined').toBeDefined()
  expect(quick).toStrictEqual(parseXmlSlowly(text))
}

describe('the fast path builds what fast-xml-parser builds', () => {
  test.each(xmlFiles(FIXTURES))(
    'fixture %s: as written, and read by the fast path once its notes are gone',
    (name) => {
      // Our fixtures carry XML comments (notes for readers) that EM never sends: those go the slow way.
      const text = readFileSync(new URL(name, FIXTURES), 'utf8')
      expect(outcome(parseXml, text)).toStrictEqual(outcome(parseXmlSlowly, text))
      expectSameTree(text.replace(/<!--[\s\S]*?-->/g, ''))
    },
  )

  test.each(xmlFiles(SAMPLES))('Veeam sample %s: the same tree, whichever path reads it', (name) => {
    // Three doc pages print a raw `&` (samples/README.md): not well-formed, so the fast path must decline them.
    const text = readSample(name)
    const quick = parseXmlQuickly(text)
    if (quick !== undefined) expect(quick).toStrictEqual(parseXmlSlowly(text))
    else expect(outcome(parseXml, text)).toStrictEqual(outcome(parseXmlSlowly, text))
  })

  const em = emulatorAnswers({ sessions: 300 })
  // The entities of a References page, by the Href of each Ref.
  const entityPaths = (query: string) =>
    [
      ...em
        .get(`/api/query?type=${query}&format=References&pageSize=2`, 'xml')
        .matchAll(/<Ref [^>]*?Href="[^"]*?(\/api\/[^"?]+)/g),
    ].map((match) => match[1] ?? '')
  const paths = [
    '/api/',
    '/api/logonSessions',
    '/api/backupServers?format=Entity',
    '/api/jobs?format=Entity',
    ...[
      'ReplicaJobSession',
      'ReplicaTaskSession',
      'BackupJobSession',
      'Job',
      'BackupServer',
      'VmReplicaPoint',
      'Replica',
      'ObjectInJob',
    ].flatMap((type) => [
      `/api/query?type=${type}&format=Entities&pageSize=50`,
      `/api/query?type=${type}&format=References&pageSize=50`,
    ]),
    ...entityPaths('ReplicaJobSession').flatMap((path) => [
      `${path}?format=Entity`,
      `${path}/replicaTaskSessions?format=Entity`,
    ]),
    ...entityPaths('Job').flatMap((path) => [`${path}?format=Entity`, `${path}/includes`]),
  ]
  test.each(paths)('the emulator’s answer to %s', (path) => {
    expectSameTree(em.get(path, 'xml'))
  })
})

// A small seeded generator of EM-like documents: list and plain names, repeats, attributes with namespaces and
// entities, empty, self-closing and text-and-attribute elements, irregular whitespace.
function generator(seed: number) {
  let state = seed
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const names = [
    'Link',
    'Ref',
    'Job',
    'ReplicaJobSession',
    'Name',
    'State',
    'Links',
    'Entities',
    'PagingInfo',
    'a.b',
    'x-y',
  ]
  const values = [
    '',
    'text',
    ' padded ',
    '&amp;',
    'a &lt;b&gt; &quot;c&quot;',
    '&#39;q&#x2F;',
    '&#x1F600;',
    '007',
    'tab\there',
    'line\nbreak',
    '&amp;#39;',
  ]
  const attributes = ['Href', 'Name', 'Type', 'Rel', 'xmlns', 'xmlns:xsi', 'xsi:nil', 'UID']
  const space = () => pick(['', ' ', '\n    ', '\t', '  \n'])
  const element = (depth: number): string => {
    const name = pick(names)
    const attrs = [...new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(attributes)))]
      .map((attr) => ` ${attr}${pick(['=', ' = '])}${pick(['"', "'"]).repeat(1)}`)
      .map((start) => {
        const quote = start.endsWith('"') ? '"' : "'"
        return `${start}${pick(values).replaceAll(quote, '')}${quote}`
      })
      .join('')
    const kind =
      depth > 3 ? pick(['text', 'empty', 'self']) : pick(['children', 'children', 'text', 'empty', 'self'])
    if (kind === 'self') return `<${name}${attrs}${pick(['/>', ' />'])}`
    const content =
      kind === 'text'
        ? pick(values)
        : kind === 'empty'
          ? space()
          : Array.from({ length: 1 + Math.floor(random() * 4) }, () => space() + element(depth + 1)).join(
              '',
            ) + space()
    return `<${name}${attrs}${space().replace(/\n.*/, '')}>${content}</${name}>`
  }
  return () => `${pick(['', '<?xml version="1.0" encoding="utf-8"?>\n'])}${space()}${element(0)}${space()}`
}

describe('generated documents', () => {
  test('both paths agree on 2,000 documents, and the fast path reads nearly all of them', () => {
    const next = generator(18)
    let quick = 0
    for (let i = 0; i < 2000; i++) {
      const text = next()
      const tree = parseXmlQuickly(text)
      if (tree === undefined) {
        expect(outcome(parseXml, text), text).toStrictEqual(outcome(parseXmlSlowly, text))
        continue
      }
      expect(tree, text).toStrictEqual(parseXmlSlowly(text))
      quick += 1
    }
    expect(quick).toBeGreaterThan(1900)
  })
})

describe('bodies the fast path leaves to fast-xml-parser', () => {
  const page = emulatorAnswers({ sessions: 40 }).get(
    '/api/query?type=ReplicaJobSession&format=Entities&pageSize=20',
    'xml',
  )

  test('every truncation of a page is declined and reported as malformed, as before', () => {
    for (let cut = 200; cut < page.trimEnd().length; cut += 97) {
      const text = page.slice(0, cut)
      expect(parseXmlQuickly(text), `cut at ${cut}`).toBeUndefined()
      expect(() => parseXml(text)).toThrow(/^Enterprise Manager sent malformed XML/)
    }
  })

  test.each([
    ['a mismatched closing tag', '<A><B>x</C></A>'],
    ['text after the root', '<A/>tail'],
    ['a second root', '<A/><B/>'],
    ['a comment', '<A><!-- note --><B>x</B></A>'],
    ['CDATA', '<A><![CDATA[x]]></A>'],
    ['a DOCTYPE with an entity', '<!DOCTYPE A [<!ENTITY e "boom">]><A>&e;</A>'],
    ['CR LF line ends', '<A>\r\n  <B>x</B>\r\n</A>'],
    ['mixed content', '<A>one<B>x</B>two</A>'],
    ['an entity EM never writes', '<A>&nbsp;</A>'],
    ['a bare ampersand', '<A>fish & chips</A>'],
    ['> inside an attribute', '<A x="1>2"/>'],
    ['a repeated attribute', '<A x="1" x="2"/>'],
    ['an unquoted attribute', '<A x=1/>'],
    ['attributes without whitespace between them', '<A x="1"y="2"/>'],
    ['a prototype name', '<__proto__><x>1</x></__proto__>'],
    ['a constructor attribute', '<A constructor="1"/>'],
    ['a prefixed element', '<x:A xmlns:x="urn:a">1</x:A>'],
    ['a processing instruction', '<A><?pi data?></A>'],
    ['an empty body', '   '],
  ])('%s', (_what, text) => {
    expect(parseXmlQuickly(text)).toBeUndefined()
    expect(outcome(parseXml, text)).toStrictEqual(outcome(parseXmlSlowly, text))
  })
})
