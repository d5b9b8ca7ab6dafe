/**
 * The platform as a signed-in session calls it: each call carries the session's token (renewed as
 * the auth rules say) and its signal. The session's AuthSession is one; the concerns below the
 * session (orders, uploads) ask for this, never for the session itself.
 */
import type { EndpointName, ResponseBody } from '../../../platform/endpoints'
import type { BodyReader, CallArgs, Conditional } from './platform-client'

export type SessionCallArgs<N extends EndpointName> = Omit<CallArgs<N>, 'accessToken'>

export interface AuthorizedPlatform {
  call<N extends EndpointName>(name: N, args?: SessionCallArgs<N>): Promise<ResponseBody<N>>
  call<N extends EndpointName, T>(name: N, args: SessionCallArgs<N>, read: BodyReader<T>): Promise<T>
  callConditional<N extends EndpointName>(name: N, args: SessionCallArgs<N>): Promise<Conditional<ResponseBody<N>>>
  callConditional<N extends EndpointName, T>(name: N, args: SessionCallArgs<N>, read: BodyReader<T>): Promise<Conditional<T>>
  /** For 'download' endpoints: the successful response, its body not yet read. */
  open<N extends EndpointName>(name: N, args?: SessionCallArgs<N>): Promise<Response>
}
