import type { ReactNode } from 'react'
import { StatusIcon, type StatusTone } from '@/components/status-icon.tsx'

export interface WallTileProps {
  id: string
  title: string
  /** The big figure; "—" while unknown. */
  value: string
  tone: StatusTone
  /** A word that says what the tone means, so colour is never the only cue (STYLE §3.12). */
  verdict: string
  children?: ReactNode
}

/** One summary tile: a title, a figure big enough for five metres, a verdict word and a few details. */
export function WallTile({ id, title, value, tone, verdict, children }: WallTileProps) {
  return (
    <section className={`wall-tile wall-tile--${tone}`} aria-labelledby={`${id}-title`}>
      <h2 className="wall-tile__title" id={`${id}-title`}>
        {title}
      </h2>
      <p className="wall-tile__value">
        <span className="wall-tile__figure">{value}</span>
        <span className="wall-tile__verdict">
          <StatusIcon tone={tone} />
          {verdict}
        </span>
      </p>
      {children ? <div className="wall-tile__detail">{children}</div> : null}
    </section>
  )
}
