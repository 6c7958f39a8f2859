/**
 * The key a receiver (SMTP server, SMS gateway) deduplicates a notification by: its id. A resend
 * after the gateway accepted the message and later reported it undelivered is a new message to
 * the receiver, so each such series gets a key of its own (`<id>.<series>`); retries within a
 * series, and a worker's run again after a crash, reuse the key and are dropped as repeats.
 */
export function notificationKey(id: string, series: number): string {
  return series > 0 ? `${id}.${series}` : id;
}

/** The notification id a receiver's key stands for. */
export function notificationOfKey(key: string): string {
  return key.replace(/\.\d+$/, '');
}
