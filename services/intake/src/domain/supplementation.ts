/**
 * Statuses of intake's replica from which processing may already have asked for a supplementation
 * (4→5; 2→4 and 6→4 may come just before it), its event still on the way here.
 */
const MAY_BE_ASKED: readonly string[] = ['RECEIVED', 'PROCESSING', 'FINANCIAL_OBLIGATION'];

export const mayBeAskedForSupplement = (status: string): boolean => MAY_BE_ASKED.includes(status);
