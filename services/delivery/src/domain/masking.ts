/**
 * Recipients shown to operators are masked: enough to recognise a typo in an address or number,
 * not enough to copy the applicant's contact details out of the console.
 */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf('@');
  if (at > 0) return `${recipient.slice(0, Math.min(2, at))}***${recipient.slice(at)}`;
  if (recipient.length <= 4) return '***';
  return `${recipient.slice(0, 2)}${'*'.repeat(recipient.length - 5)}${recipient.slice(-3)}`;
}
