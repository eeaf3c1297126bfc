// Test-only access to the Veeam sample payloads copied into fixtures/veeam-samples (see fixtures/README.md).
import { readFileSync } from 'node:fs'

const SAMPLES = new URL('./fixtures/veeam-samples/', import.meta.url)

/** The text of one sample payload, by file name (no paths). */
export function readSample(name: string): string {
  if (!/^[\w.-]+$/.test(name) || name.includes('..')) throw new Error(`Not a sample file name: ${name}`)
  return readFileSync(new URL(name, SAMPLES), 'utf8')
}
