import './multi-select.css'
export interface MultiSelectOption<T extends string> {
  value: T
  label: string
}

export interface MultiSelectProps<T extends string> {
  legend: string
  options: readonly MultiSelectOption<T>[]
  selected: readonly T[]
  /** The new selection, in the options' order. */
  onChange: (selected: T[]) => void
}

/** A group of checkboxes under one legend: nothing checked means "any". */
export function MultiSelect<T extends string>({ legend, options, selected, onChange }: MultiSelectProps<T>) {
  function toggle(value: T, checked: boolean) {
    onChange(
      options
        .map((option) => option.value)
        .filter((option) => (option === value ? checked : selected.includes(option))),
    )
  }
  return (
    <fieldset className="choice-group">
      <legend className="field__label">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="checkbox"
            checked={selected.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  )
}
