/** A phone number, an e-mail address or directions: opened by main, through the one external-link policy (which asks first). */
import { api } from './bridge'

export function ExternalLink(props: { url: string; label: string; children: string; tabIndex?: number }) {
  return (
    <button
      type="button"
      className="link"
      tabIndex={props.tabIndex}
      aria-label={props.label.includes(props.children) ? props.label : `${props.label}, ${props.children}`}
      onClick={() => void api().openExternal({ url: props.url }) /* eng-disable OPEN_EXTERNAL_JS_CHECK - the bridge's call: main vets the link (tel/mailto/https only) and asks before opening */}
    >
      {props.children}
    </button>
  )
}
