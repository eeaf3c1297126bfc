// The only XML parser of the app (STYLE §3.3), configured for EM bodies.
import { type EntityDecoderOptions, XMLParser, XMLValidator } from 'fast-xml-parser'
import { EmParseError } from './errors.ts'
import { EM_ENTITY, type ListRule, scanEmXml } from './xml-fast-path.ts'

// Elements EM repeats inside a list: one item must still come out as an array (em-api.md §5).
const ALWAYS_LISTS = new Set(['Link', 'Ref', 'SupportedVersion'])
// Entity elements are list items when nested (`<Jobs><Job/></Jobs>`) but the root of a single entity.
const NESTED_LISTS = new Set([
  'ReplicaJobSession',
  'ReplicaTaskSession',
  'BackupJobSession',
  'BackupTaskSession',
  'Job',
  'BackupServer',
  'LogonSession',
  'VmReplicaPoint',
  'Replica',
  'ObjectInJob',
])

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

// EM may write &#39; and &#x2F; besides the five named entities (em-api.md §1). One pass, so `&amp;#39;`
// stays `&#39;`; DOCTYPE-declared entities are never expanded.
const ENTITIES = new RegExp(EM_ENTITY, 'g')

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(ENTITIES, (whole, name: string) => {
    if (!name.startsWith('#')) return PREDEFINED[name] ?? whole
    const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

const entityDecoder: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: decodeEntities,
}

// Names without a dot, so fast-xml-parser's "jPath has a dot" and the fast path's depth > 0 agree.
const isListAt: ListRule = (name, depth) => ALWAYS_LISTS.has(name) || (NESTED_LISTS.has(name) && depth > 0)

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Strings stay strings (UIDs, versions such as "8.0", names such as "007"); zod converts numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  entityDecoder,
  isArray: (name, jPath, _isLeaf, isAttribute) =>
    !isAttribute && isListAt(name, String(jPath).includes('.') ? 1 : 0),
})

/** Parses an EM XML body into plain objects (attributes unprefixed, all values strings); throws EmParseError when it is not well-formed. */
export function parseXml(text: string): unknown {
  return parseXmlQuickly(text) ?? parseXmlSlowly(text)
}

/** The fast path alone (xml-fast-path.ts): the tree, or undefined when it leaves the body to parseXmlSlowly. */
export function parseXmlQuickly(text: string): Record<string, unknown> | undefined {
  return scanEmXml(text, isListAt, decodeEntities)
}

/** fast-xml-parser, after its validator: the source of truth, and the path of every body the fast path declines. */
export function parseXmlSlowly(text: string): unknown {
  // fast-xml-parser accepts truncated documents without complaint, so well-formedness is checked first.
  const verdict = XMLValidator.validate(text)
  if (verdict !== true) {
    const { msg, line, col } = verdict.err
    throw new EmParseError(
      `Enterprise Manager sent malformed XML: ${msg} (line ${line}${col ? `, column ${col}` : ''})`,
      text,
    )
  }
  try {
    return parser.parse(text)
  } catch (error) {
    throw new EmParseError(
      `Enterprise Manager sent unreadable XML: ${error instanceof Error ? error.message : error}`,
    )
  }
}
