// The few fields the proxy reads out of EM's answers, for its action log only (nothing here is sent on or
// trusted): a Task's TaskId, an Error's Message, a LogonSession's UserName. XML or JSON (em-api.md §5), a BOM
// allowed (§1); anything unreadable is null.

function readJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return undefined
  }
}

function field(value: unknown, name: string): string | null {
  if (typeof value !== 'object' || value === null || !(name in value)) return null
  const found: unknown = Reflect.get(value, name)
  return typeof found === 'string' && found !== '' ? found : null
}

function unescapeXml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

function xmlElement(text: string, name: string): string | null {
  const match = new RegExp(`<(?:\\w+:)?${name}>([^<]*)</(?:\\w+:)?${name}>`).exec(text)
  return match?.[1] ? unescapeXml(match[1]) : null
}

function isXml(text: string): boolean {
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<')
}

/** The TaskId of a 202 Task body (§13.2). */
export function taskIdOf(body: string): string | null {
  return isXml(body) ? xmlElement(body, 'TaskId') : field(readJson(body), 'TaskId')
}

/** The Message of an Error body (§16): an attribute in XML, a key in JSON; the proxy's own JSON says `message`. */
export function errorMessageOf(body: string): string | null {
  if (isXml(body)) {
    const match = /<(?:\w+:)?Error\b[^>]*\sMessage="([^"]*)"/.exec(body)
    return match?.[1] ? unescapeXml(match[1]) : null
  }
  const json = readJson(body)
  return field(json, 'Message') ?? field(json, 'message')
}

/** The UserName of the caller's own LogonSession in `GET /api/logonSessions` (§3: it lists only the caller's). */
export function userNameOf(body: string): string | null {
  if (isXml(body)) return xmlElement(body, 'UserName')
  const json = readJson(body)
  const sessions: unknown =
    typeof json === 'object' && json !== null ? Reflect.get(json, 'LogonSessions') : null
  return Array.isArray(sessions) ? field(sessions[0], 'UserName') : null
}
