import { createFileRoute } from '@tanstack/react-router'

// Placeholder until the sessions explorer lands (issue 4).
export const Route = createFileRoute('/_app/sessions/')({
  component: () => <h1>Replica sessions</h1>,
})
