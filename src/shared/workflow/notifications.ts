/** What an appraiser can be notified of: the kinds Settings lets them switch, and the events of the table that raise each. */

export const NOTIFICATION_KINDS = ['newAssignment', 'revisionRequested', 'counterOfferAnswered', 'cancelled', 'onHold', 'reassigned', 'deadlineSoon'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** Each way the platform can change an order that the appraiser did not cause, as it is worded to them. */
export const NOTIFIED_CHANGES = {
  newAssignment: 'newAssignment',
  reassignedForNoResponse: 'reassigned',
  clientAcceptedTerms: 'counterOfferAnswered',
  clientCountered: 'counterOfferAnswered',
  revisionRequested: 'revisionRequested',
  reconsiderationRequested: 'revisionRequested',
  putOnHold: 'onHold',
  cancelled: 'cancelled'
} as const satisfies Record<string, NotificationKind>

export type NotifiedChange = keyof typeof NOTIFIED_CHANGES
