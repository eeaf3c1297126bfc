// Ordinal comparison ignoring case (em-api.md §4.2 String/UidType), in the manner of .NET
// OrdinalIgnoreCase: each UTF-16 unit is upper-cased on its own, then units compare by number.
// Allocation-free with an early exit, because filters run it on every record.

function foldUnit(unit: number): number {
  if (unit < 0x80) return unit >= 0x61 && unit <= 0x7a ? unit - 0x20 : unit
  const upper = String.fromCharCode(unit).toUpperCase()
  // Expansions such as ß → SS are not simple case mappings: keep the unit.
  return upper.length === 1 ? upper.charCodeAt(0) : unit
}

/** Negative, zero or positive as `a` sorts before, with, or after `b`, ignoring case. */
export function compareIgnoreCase(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) {
      const difference = foldUnit(x) - foldUnit(y)
      if (difference !== 0) return difference
    }
  }
  return a.length - b.length
}

/** Whether `a` and `b` are equal ignoring case. */
export function equalsIgnoreCase(a: string, b: string): boolean {
  return a.length === b.length && (a === b || compareIgnoreCase(a, b) === 0)
}

/** `text` upper-cased unit by unit, so that plain `<` on folded strings orders as compareIgnoreCase does. */
export function foldCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x80) return foldUnits(text)
  }
  return text.toUpperCase()
}

function foldUnits(text: string): string {
  let folded = ''
  for (let i = 0; i < text.length; i++) folded += String.fromCharCode(foldUnit(text.charCodeAt(i)))
  return folded
}

/** A test for equality with `value` ignoring case, with `value` folded once rather than per record. */
export function equalsIgnoreCaseTo(value: string): (text: string) => boolean {
  const length = value.length
  const folded = Int32Array.from({ length }, (_, i) => foldUnit(value.charCodeAt(i)))
  return (text) => {
    if (text.length !== length) return false
    for (let i = 0; i < length; i++) {
      const unit = text.charCodeAt(i)
      if (unit !== folded[i] && foldUnit(unit) !== folded[i]) return false
    }
    return true
  }
}
