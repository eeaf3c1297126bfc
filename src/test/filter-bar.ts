// Driving the explorer's filter bar as a user does, for the integration tests.
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'

/** Opens one filter's editor: "Add filter", then the field by its label. */
export async function addFilter(field: string): Promise<void> {
  await userEvent.click(screen.getByRole('button', { name: 'Add filter' }))
  await userEvent.click(
    within(screen.getByRole('dialog', { name: 'Add filter' })).getByRole('button', { name: field }),
  )
}
