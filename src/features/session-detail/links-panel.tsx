import { Card } from '@/components/card.tsx'
import { CopyButton } from '@/components/copy-button.tsx'
import { LINK_CARDS, type PlannedLink } from './link-cards.ts'

// Focus moves to the card (which scrolls it into view) without a hash in the URL: Back must still lead to the list.
function showCard(anchor: string) {
  document.getElementById(anchor)?.focus()
}

function Use({ row }: { row: PlannedLink }) {
  if (row.refusal)
    return <span className="detail-link-use detail-link-use--refused">Refused: {row.refusal}</span>
  if (row.use.kind === 'unknown')
    return <span className="detail-link-use">Listed only: the app does not follow this link type</span>
  const { title, anchor } = LINK_CARDS[row.use.card]
  if (row.use.kind === 'duplicate')
    return (
      <span className="detail-link-use">
        Listed only: the “{title}” card follows the first link of this kind
      </span>
    )
  return (
    <button type="button" className="button button--small" onClick={() => showCard(anchor)}>
      Followed: go to “{title}”
    </button>
  )
}

/** Every Link of the session entity (Rel, Type, Name, Href) and what the app does with it. */
export function LinksPanel({ rows }: { rows: readonly PlannedLink[] }) {
  return (
    <Card title="Links" id="links" className="detail-links">
      {rows.length === 0 ? (
        <p>Enterprise Manager sent no links with this session.</p>
      ) : (
        // A table of raw Hrefs is wider than a phone: it scrolls inside its card, never the page.
        <div className="detail-table-scroll">
          <table className="detail-table">
            <thead>
              <tr>
                <th scope="col">Rel</th>
                <th scope="col">Type</th>
                <th scope="col">Name</th>
                <th scope="col">Href</th>
                <th scope="col">In this app</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                // EM may repeat a link verbatim; its position is the only stable key.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                <tr key={index}>
                  <td>{row.link.rel}</td>
                  <td>{row.link.type ?? '—'}</td>
                  <td>{row.link.name ? <bdi>{row.link.name}</bdi> : '—'}</td>
                  <td>
                    <code className="detail-raw">{row.link.href}</code>
                    <CopyButton text={row.link.href} label={`Copy Href of link ${index + 1}`} />
                  </td>
                  <td>
                    <Use row={row} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  )
}
