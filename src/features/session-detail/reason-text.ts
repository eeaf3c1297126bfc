// A task's Reason as EM sent it: plain text that may be long, multi-line, or in any script (em-api.md §6.2).
// It is always shown whole on request; only its first screenful is shown by default.

/** Past this many characters (or lines) a reason starts folded, with a button to read the rest. */
export const REASON_PREVIEW_CHARS = 160
const REASON_PREVIEW_LINES = 3

export interface ReasonText {
  /** The whole reason, ends trimmed, line breaks kept; '' when EM sent none. */
  full: string
  /** The folded form ending in "…", or null when the reason is short enough to show whole. */
  preview: string | null
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Splits a reason into its whole text and, when long, a preview cut on a grapheme (never inside one) near a space. */
export function reasonText(reason: string, limit = REASON_PREVIEW_CHARS): ReasonText {
  const full = reason.replace(/\r\n?/g, '\n').trim()
  const lines = full.split('\n')
  const clusters = Array.from(graphemes.segment(full), (part) => part.segment)
  if (clusters.length <= limit && lines.length <= REASON_PREVIEW_LINES) return { full, preview: null }
  const byChars = clusters.slice(0, limit).join('')
  const byLines = byChars.split('\n').slice(0, REASON_PREVIEW_LINES).join('\n')
  let cut = byLines
  // Cut by length, prefer ending on a word when one ends in the last third; a long token (a path, a hash) is cut
  // where it is.
  if (byLines === byChars) {
    const space = cut.search(/\s\S*$/)
    if (space > cut.length * 0.66) cut = cut.slice(0, space)
  }
  return { full, preview: `${cut.trimEnd()}…` }
}
