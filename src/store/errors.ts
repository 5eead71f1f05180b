import { defineErrors, errorFactory } from '../errors/define-errors.js';

/**
 * The store's errors: the database, the data directory and the per-organisation log.
 * Codes are stable forever (docs/errors.md); add new ones, never rename or reuse.
 */
export const storeErrors = defineErrors({
  STORE_DATA_DIR_LOCKED: {
    status: 423,
    message:
      'The data directory {dir} is in use by another Soviet process (pid {pid}). Stop that process, or choose another directory with --data or SOVIET_DATA.',
  },
  STORE_CLOSED: { status: 503, message: 'The database is closed: the server is shutting down.' },
  STORE_UNAVAILABLE: {
    status: 503,
    message: 'The database at {target} cannot be opened: {reason}.',
  },
  ORG_NOT_FOUND: { status: 404, message: 'There is no organisation called "{org}".' },
  ORG_EXISTS: { status: 409, message: 'An organisation called "{org}" already exists.' },
  ORG_BAD_SLUG: {
    status: 400,
    message:
      'An organisation name must be 1 to 63 lower-case letters, digits or hyphens, starting with a letter or digit, not "{org}".',
  },
  LOG_INCONSISTENT: {
    status: 500,
    message:
      'The log of "{org}" does not extend its last signed checkpoint ({reason}); nothing was signed. Run `soviet fsck {org}`.',
  },
  LOG_ALTERED: {
    status: 500,
    message:
      'The stored log of "{org}" does not match its last signed checkpoint ({reason}), so nothing more is appended to it. Restore the database from a backup, then run `soviet fsck {org}`.',
  },
  LOG_BAD_TILE: { status: 404, message: 'There is no tile {path} in this log.' },
  LOG_BAD_PROOF_REQUEST: {
    status: 400,
    message: 'No proof can be given for {what}: {reason}.',
  },
  LOG_ENTRY_MISSING: {
    status: 500,
    message: 'Entry {seq} of "{org}" is missing from the database. Run `soviet fsck {org}`.',
  },
  FSCK_PROBLEMS: {
    status: 500,
    message: 'fsck found {count} problem(s) in {orgs}; the report above lists them.',
  },
  BACKUP_FAILED: { status: 500, message: 'The backup to {file} failed: {reason}.' },
  BACKUP_TOOL_MISSING: {
    status: 500,
    message:
      'The PostgreSQL program {tool} was not found: install the PostgreSQL client (for example `apt-get install postgresql-client`), version 15 or later.',
  },
  RESTORE_BAD_FILE: {
    status: 400,
    message: 'The file {file} is not a Soviet backup: {reason}.',
  },
  RESTORE_WRONG_BACKEND: {
    status: 400,
    message:
      'The backup {file} was made from {made}, but this instance uses {using}: restore it into the same kind of database.',
  },
  RESTORE_TARGET_NOT_EMPTY: {
    status: 409,
    message:
      'The database at {target} already holds {count} organisation(s); restoring would replace them. Add --force to replace them.',
  },
  RESTORE_FAILED: { status: 500, message: 'Restoring {file} into {target} failed: {reason}.' },
  RESTORE_VERIFY_FAILED: {
    status: 500,
    message:
      'The database restored at {target} does not pass its check: {count} problem(s) in {orgs}, listed above.{kept}',
  },
  EXPORT_TARGET_NOT_EMPTY: {
    status: 409,
    message: 'The export directory {dir} is not empty; choose an empty or new directory.',
  },
});

export const storeError = errorFactory(storeErrors);
