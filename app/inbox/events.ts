/**
 * Window events that keep the header's inbox badge current without a round of polling.
 * Client only; no imports, so any client component can fire them.
 */

/** A notification for the signed-in reader arrived on a live stream. */
export const NOTIFICATION_EVENT = "parallax:notification";
/** The inbox marked notifications read; `detail.unread` is the new count. */
export const READ_EVENT = "parallax:notifications-read";
