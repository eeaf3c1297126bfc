import { useEffect, useState } from 'react'
import './copy-button.css'

export interface CopyButtonProps {
  /** The text put on the clipboard. */
  text: string
  /** The button's words, e.g. "Copy URL". */
  label: string
}

type CopyState = 'idle' | 'copied' | 'failed'

/** Copies text to the clipboard and says so in a polite live region. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2500)
    return () => clearTimeout(timer)
  }, [state])

  async function copy() {
    try {
      // Absent outside secure contexts (plain http on a LAN name): say so rather than fail silently.
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }

  return (
    <span className="copy-button">
      <button type="button" className="button button--small" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-button__status" role="status">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text instead' : ''}
      </span>
    </span>
  )
}
