/** A setting's checkbox that shows the choice while it is saved, and goes back if main refuses. */
import { useState, type ReactNode } from 'react'

/**
 * A setting's checkbox. It keeps what was clicked in its own state, set inside the click, so the box
 * never flips back for a moment while the saved settings catch up (the query notifies a tick later).
 */
export function SettingCheckbox({ checked, onChange, children }: { checked: boolean; onChange(checked: boolean): void; children: ReactNode }) {
  const [value, setValue] = useState(checked)
  const [saved, setSaved] = useState(checked)
  if (saved !== checked) {
    setSaved(checked)
    setValue(checked)
  }
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={value}
        onChange={(e) => {
          setValue(e.target.checked)
          onChange(e.target.checked)
        }}
      />
      {children}
    </label>
  )
}
