// A single-pass reader for the XML EM writes: elements, attributes, text and the entities of em-api.md §1. It
// builds exactly what xml.ts's fast-xml-parser configuration builds, about ten times faster (issue 18: 1,000
// sessions are 1.5 MB of XML). fast-xml-parser stays the source of truth: whatever this reader does not know
// (comments, CDATA, DOCTYPE, prefixed elements, mixed content, CR line ends) or finds malformed, it hands back
// undefined, and xml.ts validates and parses the body the slow way, with its error messages. xml-fast-path.test.ts
// proves both give equal trees on every fixture and on generated documents.

/** Whether the element `name`, `depth` levels below the root (0: the root), is always a list. */
export type ListRule = (name: string, depth: number) => boolean

interface Frame {
  name: string
  attrs: Record<string, string> | null
  children: Record<string, unknown> | null
}

const DECLARATION = /^<\?xml\s[^<>?]*\?>/
/** The entities EM writes (em-api.md §1): numeric, and the five named ones; xml.ts decodes the same list. */
export const EM_ENTITY = '&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);'
const ENTITY = new RegExp(EM_ENTITY, 'y')

const unsafeName = (name: string) => name in Object.prototype || name === 'prototype'

// XML whitespace: space, tab, line feed (a CR sends the body to the slow path).
const isSpace = (code: number) => code === 32 || code === 10 || code === 9
// Name characters: ASCII letters, digits, `_`, `.` and `-` (a first character is a letter or `_`).
const isNameStart = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
const isNameChar = (code: number) =>
  isNameStart(code) || (code >= 48 && code <= 57) || code === 46 || code === 45

/**
 * The tree fast-xml-parser would build for `text` (attributes unprefixed and merged into their element, values
 * strings, text trimmed, `#text` beside attributes), or undefined when this reader cannot vouch for it.
 */
export function scanEmXml(
  text: string,
  isList: ListRule,
  decode: (value: string) => string,
): Record<string, unknown> | undefined {
  if (text.includes('\r')) return undefined
  const length = text.length
  const allSpace = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false
    return true
  }
  const nameEnd = (from: number) => {
    if (!isNameStart(text.charCodeAt(from))) return from
    let i = from + 1
    while (isNameChar(text.charCodeAt(i))) i++
    return i
  }
  // Trimmed, with its entities decoded; undefined when an `&` starts no entity EM writes.
  const readValue = (raw: string): string | undefined => {
    const trimmed = raw.trim()
    if (!trimmed.includes('&')) return trimmed
    for (let amp = trimmed.indexOf('&'); amp !== -1; amp = trimmed.indexOf('&', amp + 1)) {
      ENTITY.lastIndex = amp
      if (!ENTITY.test(trimmed)) return undefined
    }
    return decode(trimmed)
  }
  const stack: Frame[] = []
  let root: Record<string, unknown> | undefined
  // Puts a finished element into its parent, or makes it the document's root.
  const place = (frame: Frame, value: unknown): boolean => {
    const depth = stack.length
    const parent = stack[depth - 1]
    if (!parent) {
      if (root) return false // a second root
      root = {}
    }
    let into = root
    if (parent) {
      parent.children ??= {}
      into = parent.children
    }
    if (!into) return false
    add(into, frame.name, value, isList(frame.name, depth))
    return true
  }

  let at = DECLARATION.exec(text)?.[0].length ?? 0
  for (;;) {
    const open = text.indexOf('<', at)
    const top = stack[stack.length - 1]
    if (open === -1) return !top && allSpace(at, length) ? root : undefined
    const next = text.charCodeAt(open + 1)
    if (next === 47 /* / */) {
      // A closing tag: it must name the open element.
      if (!top || !text.startsWith(top.name, open + 2)) return undefined
      let close = open + 2 + top.name.length
      while (isSpace(text.charCodeAt(close))) close++
      if (text.charCodeAt(close) !== 62 /* > */) return undefined
      stack.pop()
      let value: unknown
      if (top.children) {
        // Text beside child elements (mixed content) is left to fast-xml-parser.
        if (!allSpace(at, open)) return undefined
        value = top.attrs ? Object.assign(top.children, top.attrs) : top.children
      } else {
        const content = readValue(text.slice(at, open))
        if (content === undefined) return undefined
        value = !top.attrs
          ? content
          : content === ''
            ? top.attrs
            : Object.assign({ '#text': content }, top.attrs)
      }
      if (!place(top, value)) return undefined
      at = close + 1
      continue
    }
    // Text before a child element, or outside the root: mixed content or not well-formed.
    if (!allSpace(at, open)) return undefined
    // Comments, CDATA, DOCTYPE, processing instructions: the slow path's.
    if (next === 33 /* ! */ || next === 63 /* ? */) return undefined
    const end = nameEnd(open + 1)
    const name = text.slice(open + 1, end)
    if (name === '' || unsafeName(name)) return undefined
    let i = end
    let attrs: Record<string, string> | null = null
    for (;;) {
      const spaced = i
      while (isSpace(text.charCodeAt(i))) i++
      const code = text.charCodeAt(i)
      if (code === 62 /* > */ || code === 47 /* / */) break
      if (i === spaced) return undefined // attributes are separated by whitespace
      // ` name="value"` or ` p:name='value'`: one colon at most; fast-xml-parser keeps the local name and drops
      // namespace declarations.
      const firstEnd = nameEnd(i)
      if (firstEnd === i) return undefined
      let local = text.slice(i, firstEnd)
      const prefix = local
      i = firstEnd
      if (text.charCodeAt(i) === 58 /* : */) {
        const localEnd = nameEnd(i + 1)
        if (localEnd === i + 1) return undefined
        local = text.slice(i + 1, localEnd)
        i = localEnd
      }
      while (isSpace(text.charCodeAt(i))) i++
      if (text.charCodeAt(i) !== 61 /* = */) return undefined
      i++
      while (isSpace(text.charCodeAt(i))) i++
      const quote = text.charCodeAt(i)
      if (quote !== 34 && quote !== 39) return undefined
      const valueEnd = text.indexOf(quote === 34 ? '"' : "'", i + 1)
      if (valueEnd === -1) return undefined
      const raw = text.slice(i + 1, valueEnd)
      i = valueEnd + 1
      // No `<` in a value (not well-formed) and no `>` (legal, but left to fast-xml-parser; EM never writes it).
      if (raw.includes('<') || raw.includes('>')) return undefined
      if (prefix === 'xmlns') continue
      if (unsafeName(local)) return undefined
      attrs ??= {}
      if (local in attrs) return undefined // a repeated attribute is not well-formed
      const value = readValue(raw)
      if (value === undefined) return undefined
      attrs[local] = value
    }
    const frame: Frame = { name, attrs, children: null }
    if (text.charCodeAt(i) === 47 /* / */) {
      if (text.charCodeAt(i + 1) !== 62 /* > */) return undefined
      const value = attrs ?? ''
      if (!place(frame, value)) return undefined
      at = i + 2
    } else {
      stack.push(frame)
      at = i + 1
    }
  }
}

function add(into: Record<string, unknown>, name: string, value: unknown, list: boolean): void {
  if (Object.hasOwn(into, name)) {
    const existing = into[name]
    if (Array.isArray(existing)) existing.push(value)
    else into[name] = [existing, value]
    return
  }
  into[name] = list ? [value] : value
}
