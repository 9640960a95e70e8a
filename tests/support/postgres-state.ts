/** Names shared by the globalSetup (main process) and the test workers that start or reuse the server. */

/** Environment variable holding the state directory, for processes that cannot inject(). */
export const STATE_ENV = 'DATACHECK_TEST_PG_STATE';
/** Created (mkdir is atomic) by the one worker that starts the server. */
export const LOCK_DIR = 'starting.lock';
/** The running server's PostgresServerInfo as JSON, written once it accepts connections. */
export const SERVER_FILE = 'server.json';
/** Why the server could not start, so every waiting test file fails with the same clear message. */
export const FAILED_FILE = 'failed.txt';
/** The pid of the vitest process that owns the run; a server whose owner is gone is removed. */
export const OWNER_FILE = 'owner.pid';
