const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that cannot name a row is answered NOT_FOUND without asking the database (which would refuse it). */
export const isUuid = (id: string): boolean => UUID.test(id);
