/**
 * The search database's schema version (its PRAGMA user_version): bumped whenever the tables, the
 * tokenizer or what a row holds change, so that a file written by another version is rebuilt.
 */
export const schemaVersion = 3;
