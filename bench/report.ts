// One row per figure: what was measured, its value, its budget, and whether it met it.
export interface Figure {
  section: string
  name: string
  value: number
  unit: string
  /** Upper bound the value must stay under (or equal); absent = reported only. */
  budget?: number
  note?: string
}

export interface Verdict extends Figure {
  status: 'pass' | 'miss' | 'info'
}

/** Judges figures against their budgets; smoke runs report without judging. */
export function judge(figures: readonly Figure[], smoke: boolean): Verdict[] {
  return figures.map((figure) => {
    if (smoke || figure.budget === undefined) return { ...figure, status: 'info' }
    return { ...figure, status: figure.value <= figure.budget ? 'pass' : 'miss' }
  })
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value)
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)
}

/** A plain-text table for the terminal. */
export function renderTable(verdicts: readonly Verdict[]): string {
  const rows = verdicts.map((v) => [
    v.section,
    v.name,
    `${formatValue(v.value)} ${v.unit}`,
    v.budget === undefined ? '' : `≤ ${formatValue(v.budget)} ${v.unit}`,
    v.status === 'info' ? '' : v.status.toUpperCase(),
    v.note ?? '',
  ])
  const header = ['section', 'figure', 'value', 'budget', 'result', 'note']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
