/** The environment picker of the sign-in screen (local sandbox, OmniValVMS, a custom URL). */
import type { EnvironmentChoice } from '../../../shared/ipc/session-schemas'

export interface EnvironmentDraft {
  kind: EnvironmentChoice['kind']
  customUrl: string
}

export function draftFrom(choice: EnvironmentChoice | null): EnvironmentDraft {
  if (!choice) return { kind: 'sandbox', customUrl: '' }
  return { kind: choice.kind, customUrl: choice.kind === 'custom' ? choice.url : '' }
}

export function choiceFrom(draft: EnvironmentDraft): EnvironmentChoice {
  return draft.kind === 'custom' ? { kind: 'custom', url: draft.customUrl.trim() } : { kind: draft.kind }
}

/** Checked here for a friendly message; main validates again. */
export function customUrlProblem(draft: EnvironmentDraft): string | null {
  if (draft.kind !== 'custom') return null
  try {
    return new URL(draft.customUrl.trim()).protocol === 'https:' ? null : 'Enter an https:// address'
  } catch {
    return 'Enter the server address, like https://api.example.com'
  }
}

export function EnvironmentFields(props: { value: EnvironmentDraft; onChange(next: EnvironmentDraft): void; error?: string | null }) {
  const { value, onChange, error } = props
  return (
    <>
      <div className="field">
        <label htmlFor="environment">Environment</label>
        <select id="environment" value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as EnvironmentDraft['kind'] })}>
          <option value="sandbox">Local sandbox (demo data)</option>
          <option value="production">OmniValVMS (api.omnivms.com)</option>
          <option value="custom">Custom URL…</option>
        </select>
      </div>
      {value.kind === 'custom' && (
        <div className="field">
          <label htmlFor="custom-url">Server URL</label>
          <input
            id="custom-url"
            type="url"
            inputMode="url"
            placeholder="https://api.example.com"
            value={value.customUrl}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'custom-url-error' : undefined}
            onChange={(e) => onChange({ ...value, customUrl: e.target.value })}
          />
          {error && (
            <p id="custom-url-error" className="field-error">
              {error}
            </p>
          )}
        </div>
      )}
    </>
  )
}
