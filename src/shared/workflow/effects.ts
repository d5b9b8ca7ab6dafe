/**
 * What a move does to an order besides changing its status — named here, declared by each vendor
 * action and platform event of the table, and carried out once each by the platform (the sandbox's
 * apply-move.ts). The app never performs them: it reads the order the platform answers.
 */
export const EFFECTS = {
  endResponseDeadline: 'the assignment is answered: its response deadline no longer applies',
  proposeConditions: "the vendor's proposal (fee, due date, explanation) waits for the client",
  takeClientTerms: "the client's counter (fee, due date) becomes the order's; the negotiation is agreed",
  takeVendorTerms: "the vendor's proposal becomes the order's; the negotiation is agreed",
  recordClientCounter: "the client's counter waits for the vendor",
  setAppointment: 'the inspection is at the time given (a slot that is gone is refused)',
  recordCompletion: 'the inspection was completed at the time given',
  rememberHeldFrom: 'the status it was held from is kept, for the resume',
  forgetHeldFrom: 'the status it was held from is forgotten',
  openRevision: 'a revision request is opened with the reason',
  openReconsideration: 'a reconsideration of value is opened with the reason',
  answerOpenRevision: 'the open revision or reconsideration is answered by the submission',
  invoice: "the vendor's invoice is issued for the order's fee"
} as const

export type Effect = keyof typeof EFFECTS
