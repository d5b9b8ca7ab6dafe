/** How a write to the platform can end unsure: what its caller must find out before it tries again. */

/** A write whose 401 was answered by a refresh; the caller must reconcile before any replay. */
export class UnauthorizedWrite extends Error {
  constructor() {
    super('write was refused with 401 and must be reconciled before it is replayed')
  }
}
