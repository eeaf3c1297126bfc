import type { ReasonGroup } from '@/em/protection/protection-types.ts'

export interface ReasonGroupsProps {
  groups: readonly ReasonGroup[]
  /** The reason filter in the URL, if any. */
  selected: string | undefined
  onSelect: (group: ReasonGroup | null) => void
}

const short = (server: string | null) => (server ?? 'an unknown server').split('.')[0]

/** Failing VMs by backup server and normalised reason, largest first; each group filters the table. */
export function ReasonGroups({ groups, selected, onSelect }: ReasonGroupsProps) {
  if (groups.length === 0) return null
  return (
    <section className="prot-groups" aria-labelledby="prot-groups-title">
      <h2 id="prot-groups-title" className="prot-groups__title">
        Failing VMs by reason <span className="prot-groups__hint">(latest run failed)</span>
      </h2>
      <ul className="prot-groups__list">
        {groups.slice(0, 8).map((group) => {
          const active = selected === group.key
          return (
            <li key={`${group.serverName}|${group.key}`}>
              <button
                type="button"
                className="prot-groups__button"
                aria-pressed={active}
                onClick={() => onSelect(active ? null : group)}
              >
                <strong>
                  {group.count} {group.count === 1 ? 'VM' : 'VMs'} on {short(group.serverName)}
                </strong>
                : {group.label}
              </button>
            </li>
          )
        })}
      </ul>
      {groups.length > 8 ? <p className="prot-groups__more">and {groups.length - 8} smaller groups</p> : null}
    </section>
  )
}
