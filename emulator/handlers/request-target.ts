// Splits a raw request target into path segments and query pairs, as EM tolerates them (em-api.md §4.6).

export interface QueryPair {
  name: string
  value: string
}

export interface RequestTarget {
  /** Decoded path segments without empty leading/trailing ones; undefined when the percent-encoding is malformed. */
  segments: string[] | undefined
  /** Raw path as received up to the query, for statistics and messages. */
  rawPath: string
  /** Form-decoded pairs in received order; undefined when the percent-encoding is malformed. */
  pairs: QueryPair[] | undefined
}

function formDecode(text: string): string {
  return decodeURIComponent(text.replaceAll('+', ' '))
}

function tryDecode(pieces: readonly [string, string][]): QueryPair[] | undefined {
  try {
    return pieces.map(([name, value]) => ({ name: formDecode(name), value: formDecode(value) }))
  } catch {
    return undefined
  }
}

function splitAt(piece: string, separator: RegExp): [string, string] {
  const match = separator.exec(piece)
  if (match === null) return [piece, '']
  return [piece.slice(0, match.index), piece.slice(match.index + match[0].length)]
}

function decodeSegments(path: string): string[] | undefined {
  try {
    const segments = path.split('/').map((segment) => decodeURIComponent(segment))
    if (segments[0] === '') segments.shift()
    if (segments.at(-1) === '') segments.pop()
    return segments
  } catch {
    return undefined
  }
}

/** Parses `path[?query]`, including the whole-query-encoded `%3F` form (§4.6), without ever throwing. */
export function parseTarget(target: string): RequestTarget {
  // An absolute-form target (`GET http://host/api/`) is legal HTTP/1.1; only its path counts.
  const raw = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?]*/i, '')
  const question = raw.indexOf('?')
  let path = question < 0 ? raw : raw.slice(0, question)
  const realQuery = question < 0 ? '' : raw.slice(question + 1)
  const pieces: [string, string][] = []
  const encodedQuestion = /%3f/i.exec(path)
  if (encodedQuestion !== null) {
    // Split before decoding so an encoded `+` (%2B) stays distinct from a space (§4.6).
    const encodedQuery = path.slice(encodedQuestion.index + 3)
    path = path.slice(0, encodedQuestion.index)
    for (const piece of encodedQuery.split(/%26/i)) {
      if (piece !== '') pieces.push(splitAt(piece, /%3d/i))
    }
  }
  for (const piece of realQuery.split('&')) {
    if (piece !== '') pieces.push(splitAt(piece, /=/))
  }
  return { segments: decodeSegments(path), rawPath: path, pairs: tryDecode(pieces) }
}
