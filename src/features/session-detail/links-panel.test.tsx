import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { EmLink } from '@/em/link-schema.ts'
import { planLinks } from './link-cards.ts'
import { LinksPanel } from './links-panel.tsx'

const EM = 'https://em.example:9398/api'
const links: EmLink[] = [
  { rel: 'Up', type: 'BackupServerReference', name: 'srv02', href: `${EM}/backupServers/1` },
  {
    rel: 'Related',
    type: 'VmReplicaPointReference',
    name: null,
    href: `${EM}/vmReplicaPoints/7?format=Entity`,
  },
  { rel: 'Up', type: 'BackupServerReference', name: 'again', href: `${EM}/backupServers/2` },
  { rel: 'Up', type: 'JobReference', name: 'job', href: 'javascript:alert(1)' },
]

describe('links panel', () => {
  it('lists every link; known ones lead to their card, others are listed only, hostile Hrefs refused', async () => {
    render(
      <>
        <LinksPanel rows={planLinks(links).rows} />
        <section id="backup-server" tabIndex={-1} aria-label="Backup server card" />
      </>,
    )
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(4)
    const [server, related] = rows
    if (!server || !related) throw new Error('rows missing')
    expect(rows[1]).toHaveTextContent('VmReplicaPointReference')
    expect(rows[1]).toHaveTextContent('Listed only: the app does not follow this link type')
    expect(within(related).queryByRole('button', { name: /Followed/ })).toBeNull()
    expect(rows[2]).toHaveTextContent(
      'Listed only: the “Backup server” card follows the first link of this kind',
    )
    expect(rows[3]).toHaveTextContent('Refused: ')
    expect(rows[3]).toHaveTextContent('only http and https')
    expect(document.querySelector('a[href^="javascript"]')).toBeNull()

    await userEvent.click(
      within(rows[0] as HTMLElement).getByRole('button', { name: /go to “Backup server”/ }),
    )
    expect(screen.getByRole('region', { name: 'Backup server card' })).toHaveFocus()
  })
})
