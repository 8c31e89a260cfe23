/** The one way loaders write text into SQL: a string literal, or a quoted identifier. */
export const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;
export const sqlIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
