// What each action will do, said before it is done (the confirmation dialog): job and server named, the effect
// as Veeam documents it (em-api.md §13.1, §15), and when its result shows here.
import type { EmActionVerb } from '@/em/em-action.ts'

export interface ConfirmWords {
  title: string
  confirmLabel: string
  paragraphs: string[]
}

const LAG =
  'The session it creates reaches Enterprise Manager at its next data collection (every 15 minutes by default); ' +
  'this panel watches for it and offers to collect sooner.'

export function confirmWords(verb: EmActionVerb, job: string, server: string | null): ConfirmWords {
  const on = server ? `backup server “${server}”` : 'the backup server that runs it'
  switch (verb) {
    case 'start':
      return {
        title: `Start job “${job}”?`,
        confirmLabel: 'Start job',
        paragraphs: [
          `Enterprise Manager asks ${on} to run the replica job “${job}” now, for all its VMs.`,
          LAG,
        ],
      }
    case 'retry':
      return {
        title: `Retry job “${job}”?`,
        confirmLabel: 'Retry job',
        paragraphs: [
          `Enterprise Manager asks ${on} to run the replica job “${job}” again for the VMs its last session failed. Veeam retries only a job whose last session failed; otherwise Enterprise Manager says why not.`,
          LAG,
        ],
      }
    case 'stop':
      return {
        title: `Stop job “${job}”?`,
        confirmLabel: 'Stop job',
        paragraphs: [
          `Enterprise Manager asks ${on} to stop the running session of “${job}” now. VMs not yet processed are not replicated in this run, and the session ends as Failed.`,
          'The stopped session shows here after Enterprise Manager next collects data from the server.',
        ],
      }
    case 'collect':
      return {
        title: `Collect data from “${server ?? 'the backup server'}” now?`,
        confirmLabel: 'Collect now',
        paragraphs: [
          `Enterprise Manager copies the newest sessions from ${on} now, instead of at its next scheduled collection. It does not start or stop any job.`,
          'The dashboard lets this happen once a minute per backup server.',
        ],
      }
  }
}
