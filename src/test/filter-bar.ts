// Driving the explorer's filter bar as a user does, for the integration tests.
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'

/** Opens one filter's editor: "Add filter" (waiting for the explorer's first load, slow on a loaded machine), then the field by its label. */
export async function addFilter(field: string): Promise<void> {
  await userEvent.click(await screen.findByRole('button', { name: 'Add filter' }, { timeout: 15_000 }))
  await userEvent.click(
    within(screen.getByRole('dialog', { name: 'Add filter' })).getByRole('button', { name: field }),
  )
}
