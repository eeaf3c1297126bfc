// String-built XML: escaping and the few element shapes EM uses. No builder library: a 1,000-entity page must
// serialize in milliseconds.

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'

// Default namespace plus the xsd/xsi declarations of the v13 examples; the emulator always writes all three
// (em-api.md §1).
export const NAMESPACES =
  ' xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.veeam.com/ent/v1.0"'

export const INDENT = '  '

// Control characters, lone surrogates and the two non-characters need care besides the four markup
// characters (em-api.md §1 "XML escaping").
const SPECIAL_ALL = /[&<>"\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu

function replacement(char: string, inAttribute: boolean): string {
  switch (char) {
    case '&':
      return '&amp;'
    case '<':
      return '&lt;'
    case '>':
      return '&gt;'
    case '"':
      return '&quot;'
  }
  const code = char.charCodeAt(0)
  // A parser turns a raw tab or line break inside an attribute (and any raw CR) into a space or LF.
  if (code === 0x09 || code === 0x0a) return inAttribute ? `&#${code};` : char
  if (code === 0x0d || (code >= 0x7f && code <= 0x9f)) return `&#${code};`
  // XML 1.0 cannot carry other C0 controls, even as references, nor lone surrogates.
  return '\uFFFD'
}

const forAttribute = (char: string) => replacement(char, true)
const forText = (char: string) => replacement(char, false)

// The set of SPECIAL_ALL as a char-code scan: several times faster than the Unicode regex on the plain text
// that nearly every value is (Hrefs, GUIDs, names).
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 || c === 0x22 || c === 0x26 || c === 0x3c || c === 0x3e) return true
    if ((c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe) return true
  }
  return false
}

/** Escapes a double-quoted attribute value so it parses back to exactly `text` (where XML allows it). */
export function escapeAttribute(text: string): string {
  return needsEscape(text) ? text.replace(SPECIAL_ALL, forAttribute) : text
}

/** Escapes element content; tabs and line feeds stay literal. */
export function escapeText(text: string): string {
  return needsEscape(text) ? text.replace(SPECIAL_ALL, forText) : text
}

/** ` Name="value"` for each pair whose value is defined, in the given order. */
export function xmlAttributes(pairs: readonly (readonly [string, string | null | undefined])[]): string {
  let out = ''
  for (const [name, value] of pairs) {
    if (value !== undefined && value !== null) out += ` ${name}="${escapeAttribute(value)}"`
  }
  return out
}

/** `<Name>text</Name>` on its own line; `<Name />` for '' and nothing at all for null. */
export function textElement(indent: string, name: string, text: string | null): string {
  if (text === null) return ''
  if (text === '') return `${indent}<${name} />\n`
  return `${indent}<${name}>${escapeText(text)}</${name}>\n`
}

/** Wraps already-rendered children in `<Name attrs>`; an element without children is self-closed. */
export function wrapElement(indent: string, name: string, attributes: string, children: string): string {
  if (children === '') return `${indent}<${name}${attributes} />\n`
  return `${indent}<${name}${attributes}>\n${children}${indent}</${name}>\n`
}
