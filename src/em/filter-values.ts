// Field types of EM's filter grammar (em-api.md §4.2, §4.3): which values and operators each accepts.

export type FilterFieldType = 'String' | 'UidType' | 'Enum' | 'DateTime' | 'Boolean'

export interface CheckedField {
  name: string
  type: FilterFieldType
  /** Enum values, in EM's order. */
  values?: readonly string[]
  /** Other accepted spellings (element names such as CreationTimeUTC). */
  aliases?: readonly string[]
}

/** A grammar or value error at a 0-based position of the text as typed. */
export class FilterSyntaxError extends Error {
  readonly position: number
  constructor(position: number, message: string) {
    super(message)
    this.position = position
  }
}

// date [sep time [Z]], time HH:mm[:ss[.f{1,7}]]; a space separator survives only inside quotes.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?[Zz]?)?$/

/** Throws FilterSyntaxError when `value` does not suit the field's type, or the operator its type. */
export function checkValue(
  field: CheckedField,
  operator: string,
  value: string,
  at: { operatorAt: number; valueAt: number },
): void {
  if (field.type === 'Boolean') {
    if (operator !== '==' && operator !== '!=') {
      throw new FilterSyntaxError(at.operatorAt, `${field.name} can only be compared with == or !=`)
    }
    if (!/^(true|false)$/i.test(value)) {
      throw new FilterSyntaxError(at.valueAt, `${field.name} is true or false, not '${value}'`)
    }
  }
  if (field.type === 'Enum' && !field.values?.some((v) => v.toLowerCase() === value.toLowerCase())) {
    const values = field.values?.join(', ') ?? ''
    throw new FilterSyntaxError(at.valueAt, `'${value}' is not a ${field.name}. Values: ${values}`)
  }
  if (field.type === 'DateTime' && !isFilterDateTime(value)) {
    throw new FilterSyntaxError(
      at.valueAt,
      `'${value}' is not a UTC date-time such as "2025-08-15T06:00:00Z" (no offsets)`,
    )
  }
}

function isFilterDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value)
  if (!match) return false
  const [month, day, hour = 0, minute = 0, second = 0] = [2, 3, 4, 5, 6].map((k) =>
    match[k] === undefined ? undefined : Number(match[k]),
  )
  return (
    month !== undefined &&
    day !== undefined &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  )
}
