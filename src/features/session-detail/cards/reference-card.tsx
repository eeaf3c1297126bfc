import { useQuery } from '@tanstack/react-query'
import { DefinitionList } from '@/components/definition-list.tsx'
import type { EmLink } from '@/em/link-schema.ts'
import { LinkedCard } from '@/features/session-detail/linked-card.tsx'
import { QueryView } from '@/features/session-detail/query-view.tsx'
import { referenceQuery } from '@/features/session-detail/reference-query.ts'

const WHAT = 'the reference form'

/** The session's Alternate link: the reference form EM lists sessions in, shown for completeness. */
export function ReferenceCard({ link }: { link: EmLink | undefined }) {
  return (
    <LinkedCard card="reference" link={link} what={WHAT} expects="Alternate ReplicaJobSessionReference">
      {(found) => <ReferenceBody href={found.href} />}
    </LinkedCard>
  )
}

function ReferenceBody({ href }: { href: string }) {
  const query = useQuery(referenceQuery(href))
  return (
    <QueryView query={query} what={WHAT} lines={3}>
      {(ref) => (
        <>
          <DefinitionList
            items={[
              { label: 'Type', value: ref.type || '—' },
              { label: 'Name', value: <bdi>{ref.name}</bdi> },
              { label: 'UID', value: <code className="detail-raw">{ref.uid}</code> },
            ]}
          />
          <p className="card__note">Its links:</p>
          <ul className="detail-ref-links">
            {ref.links.map((link) => (
              <li key={`${link.rel} ${link.type} ${link.href}`}>
                {link.rel} <code>{link.type ?? '(no type)'}</code>
                {link.name ? (
                  <>
                    {' '}
                    <bdi>{link.name}</bdi>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </QueryView>
  )
}
