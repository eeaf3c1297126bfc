// Test-only access to the shared Veeam sample payloads (/work/shared/samples, listed in its README.md).
import { readFileSync } from 'node:fs'

// src/test/ → repo root → its parent, where shared/ sits beside the checkout.
const SAMPLES = new URL('../../../shared/samples/', import.meta.url)

/** The text of one sample payload, by file name (no paths). */
export function readSample(name: string): string {
  if (!/^[\w.-]+$/.test(name) || name.includes('..')) throw new Error(`Not a sample file name: ${name}`)
  return readFileSync(new URL(name, SAMPLES), 'utf8')
}
