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
  /** 'unmeasured': the value is no number (NaN, ±Infinity): whatever produced it did not measure anything. */
  status: 'pass' | 'miss' | 'info' | 'unmeasured'
}

/** Judges figures against their budgets; smoke runs report without judging, but never a figure left unmeasured. */
export function judge(figures: readonly Figure[], smoke: boolean): Verdict[] {
  return figures.map((figure) => {
    if (!Number.isFinite(figure.value)) return { ...figure, status: 'unmeasured' }
    if (smoke || figure.budget === undefined) return { ...figure, status: 'info' }
    return { ...figure, status: figure.value <= figure.budget ? 'pass' : 'miss' }
  })
}

/**
 * The process's exit code: 1 when a figure could not be measured (smoke or full), or when a full run missed a
 * budget; 0 otherwise. A bench that cannot fail would let a regression through.
 */
export function exitCodeOf(verdicts: readonly Verdict[]): 0 | 1 {
  return verdicts.some((v) => v.status === 'unmeasured' || v.status === 'miss') ? 1 : 0
}

/** The closing line: what failed, if anything (a smoke run judges no budget, so it cannot say they were met). */
export function summaryOf(verdicts: readonly Verdict[], smoke = false): string {
  const count = (status: Verdict['status']) => verdicts.filter((v) => v.status === status).length
  const problems = [
    count('miss') > 0 ? `${count('miss')} budget(s) missed` : null,
    count('unmeasured') > 0 ? `${count('unmeasured')} figure(s) not measured` : null,
  ].filter((part) => part !== null)
  if (problems.length > 0) return `${problems.join(', ')}.`
  return smoke ? 'Every figure measured (smoke run: budgets not judged).' : 'All budgets met.'
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
    v.status === 'info' ? '' : v.status === 'unmeasured' ? 'NOT MEASURED' : v.status.toUpperCase(),
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
