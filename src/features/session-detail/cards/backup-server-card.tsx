import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { DefinitionList } from '@/components/definition-list.tsx'
import { backupServerQueries } from '@/em/backup-server-queries.ts'
import type { EmLink } from '@/em/link-schema.ts'
import { LinkedCard } from '@/features/session-detail/linked-card.tsx'
import { QueryView } from '@/features/session-detail/query-view.tsx'

const WHAT = 'the backup server'

/** The backup server behind the session's Up BackupServerReference link. */
export function BackupServerCard({ link }: { link: EmLink | undefined }) {
  return (
    <LinkedCard card="server" link={link} what={WHAT} expects="Up BackupServerReference">
      {(found) => <BackupServerBody href={found.href} />}
    </LinkedCard>
  )
}

function BackupServerBody({ href }: { href: string }) {
  const query = useQuery(backupServerQueries.detail(href))
  return (
    <QueryView query={query} what={WHAT} lines={4}>
      {(server) => (
        <>
          <DefinitionList
            items={[
              { label: 'Name', value: <bdi>{server.name}</bdi> },
              { label: 'Description', value: server.description ? <bdi>{server.description}</bdi> : '—' },
              { label: 'Port', value: server.port ?? '—' },
              { label: 'WCF port', value: server.wcfPort ?? '—' },
              { label: 'Version', value: server.version || '—' },
            ]}
          />
          <p className="card__footer">
            <Link to="/sessions" search={{ serverUid: server.uid }}>
              Sessions on this server
            </Link>
          </p>
        </>
      )}
    </QueryView>
  )
}
