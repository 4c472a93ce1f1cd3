#pragma once

namespace rd::sqlite {
class Database;
}

namespace rd::server::ServerSchema {

// The numbered migration ladder of the server's SQLite database. Version N
// is reached from N-1 by step N, in one transaction with PRAGMA
// user_version = N; a released step is never edited, a change is a new
// step. Step 1 is the schema the server had before the ladder (written
// with IF NOT EXISTS, so a database from then, at version 0, takes it as
// it is).
int latestVersion();

// Brings db to version to (the latest by default; tests stop earlier to
// make an older database); a database newer than this server is refused
// (std::runtime_error).
void migrate(sqlite::Database &db, int to = -1);

} // namespace rd::server::ServerSchema
