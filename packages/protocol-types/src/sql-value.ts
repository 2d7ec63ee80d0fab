// The value model shared by every protocol and database: exact integers as bigint, floats as
// number (never turned into integers), blobs as bytes.

/** A SQL value as Baton carries it between protocols and databases. */
export type SqlValue = null | bigint | number | string | Uint8Array;
