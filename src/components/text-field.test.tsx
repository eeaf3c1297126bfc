import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { TextField } from './text-field.tsx'

const pause = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)))

/** The committed value lives outside, like the URL: a commit comes back trimmed, a moment later (a navigation). */
function Harness({ commits, initial = '' }: { commits: string[]; initial?: string }) {
  const [value, setValue] = useState(initial)
  return (
    <>
      <TextField
        label="Name"
        value={value}
        delayMs={30}
        problem={(text) => (text.includes('!') ? 'no exclamation marks' : null)}
        onCommit={(text) => {
          commits.push(text)
          setTimeout(() => setValue(text.trim()), 60)
        }}
      />
      <button type="button" onClick={() => setValue('from outside')}>
        Set
      </button>
    </>
  )
}

describe('TextField', () => {
  it('commits after a pause, and a commit that comes back trimmed does not eat what was typed since', async () => {
    const commits: string[] = []
    render(<Harness commits={commits} />)
    const input = screen.getByRole('textbox', { name: 'Name' })
    await userEvent.type(input, 'ab ')
    await pause(50)
    expect(commits).toEqual(['ab '])
    await userEvent.type(input, 'c')
    await pause(100)
    expect(input).toHaveValue('ab c')
  })

  it('keeps the text just typed on leaving the field while its commit is on its way', async () => {
    const commits: string[] = []
    render(<Harness commits={commits} />)
    const input = screen.getByRole('textbox', { name: 'Name' })
    await userEvent.type(input, 'ab')
    await pause(120)
    await userEvent.type(input, 'c')
    await userEvent.tab()
    expect(input).toHaveValue('abc')
    await pause(100)
    expect(input).toHaveValue('abc')
    expect(commits).toEqual(['ab', 'abc'])
  })

  it('shows a problem on leaving instead of committing, until the value changes from outside', async () => {
    const commits: string[] = []
    render(<Harness commits={commits} initial="x" />)
    const input = screen.getByRole('textbox', { name: 'Name' })
    await userEvent.type(input, '!')
    await userEvent.tab()
    expect(input).toHaveValue('x!')
    expect(input).toHaveAccessibleDescription('no exclamation marks')
    expect(commits).toEqual([])
    await userEvent.click(screen.getByRole('button', { name: 'Set' }))
    expect(input).toHaveValue('from outside')
    expect(input).not.toHaveAttribute('aria-invalid')
    // Coming back to the field does not bring the old text back.
    await userEvent.click(input)
    expect(input).toHaveValue('from outside')
  })
})
