// Sizes as an admin reads them. Binary steps with IEC names: EM reports TotalSize in bytes and VM disks are sized
// in GiB (em-api.md §6.2), so 17179869184 reads "16 GiB", not "17.2 GB".
const UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const

/** "0 bytes", "512 bytes", "1.5 KiB", "16 GiB", "2.31 TiB": at most three significant decimals. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return '—'
  if (bytes < 1024) return `${Math.round(bytes)} ${Math.round(bytes) === 1 ? 'byte' : 'bytes'}`
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  let text = roundTo3(value)
  // 1023.9 KiB would round to "1024 KiB": carry into the next unit instead.
  if (Number(text) >= 1024 && unit < UNITS.length - 1) {
    unit++
    text = roundTo3(value / 1024)
  }
  return `${text} ${UNITS[unit]}`
}

/** Exact bytes with digit grouping, for a title or an accessible name: "17,179,869,184 bytes". */
export function formatExactBytes(bytes: number): string {
  return `${new Intl.NumberFormat('en-US').format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`
}

// Three significant digits below 1000 (1.5, 12.3, 123), whole numbers above; trailing zeros dropped.
function roundTo3(value: number): string {
  const decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2
  return String(Number(value.toFixed(decimals)))
}
