import { type ComponentType, createContext, useContext } from 'react'

// Features never import each other (STYLE §3.1): the detail view and the explorer leave a slot for the job
// actions, and the app's layout fills it. The wall's route has no provider, so a wall never shows an action.

/** Where the slot is and what it acts on: the Hrefs of EM's links, as the session gave them. */
export interface ActionSlotProps {
  place: 'detail' | 'row'
  /** The session's Up JobReference Href. */
  jobHref: string
  /** The session's Up BackupServerReference Href, when it has one. */
  serverHref: string | null
  /** The job as the session names it (JobName, JobUid), for words and for finding the session an action creates. */
  jobName: string
  jobUid: string
  serverName: string | null
}

const ActionSlotContext = createContext<ComponentType<ActionSlotProps> | null>(null)

export const ActionSlotProvider = ActionSlotContext.Provider

/** Renders the provided actions for these props, or nothing where no provider is. */
export function ActionSlot(props: ActionSlotProps) {
  const Actions = useContext(ActionSlotContext)
  return Actions ? <Actions {...props} /> : null
}
