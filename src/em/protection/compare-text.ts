// One collator for every name comparison: String#localeCompare builds one per call, which sorting 2,000 rows
// turns into a long task.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Names in the reader's order, "vm2" before "vm10"; null sorts as the empty text. */
export function compareText(a: string | null, b: string | null): number {
  return collator.compare(a ?? '', b ?? '')
}
