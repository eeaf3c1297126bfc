// Failure reasons grouped across VMs: the same cause worded with a different VM, datastore, host, size or error
// code is one group ("target datastore has insufficient free space"). Pure text rules, no EM knowledge beyond
// the prefixes VBR writes (em-api.md §6.2 Reason).

export interface NormalizedReason {
  /** Lower-case, for grouping and for the URL filter. */
  key: string
  /** The same words as written, for display. */
  label: string
}

const PREFIX = /^\s*(error|warning|failed|processing finished with warnings)\s*:\s*/i
const NOISE: readonly RegExp[] = [
  /"[^"]*"|'[^']*'|«[^»]*»/g, // quoted names
  /\([^)]*\)|\[[^\]]*\]|<[^>]*>/g, // bracketed details, states such as <Failed>
  /\b0x[0-9a-f]+\b/gi, // error codes
  /\S*[\\/]\S*/g, // paths
  /\b[\w-]+(\.[\w-]+)+\b/g, // host names, versions, decimals
  /\b(?=[\w-]*\d)(?=[\w-]*[a-z])[\w-]+\b/gi, // names with numbers: hosts, proxies, VMs (esx03, vbr-proxy02)
  /\b\d+\s*(b|kb|mb|gb|tb|%|ms|s|min)?\b/gi, // numbers and sizes
]

/** The reason without its prefix and its specifics; null for an empty reason. */
export function normalizeReason(reason: string): NormalizedReason | null {
  let text = reason.replace(PREFIX, '')
  for (const pattern of NOISE) text = text.replace(pattern, ' ')
  const label = text
    .replace(/\s+([,.:;])/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.:;-]+|[\s,.:;-]+$/g, '')
  if (label === '')
    return reason.trim() === '' ? null : { key: reason.trim().toLowerCase(), label: reason.trim() }
  // "Target datastore …" reads as "target datastore …" after a count; "Hyper-V …" and "CBT …" keep their case.
  const sentence = /^[A-Z][a-z]+\b(?!-[A-Z])/.test(label)
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label
  return { key: sentence.toLowerCase(), label: sentence }
}
