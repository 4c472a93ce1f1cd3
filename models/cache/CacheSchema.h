#pragma once

namespace rd::sqlite {
class Database;
}

namespace rd::CacheSchema {

// The numbered migration ladder of the local cache. Version N is reached from
// N-1 by step N, which runs in one transaction together with setting
// PRAGMA user_version = N; a step, once released, is never edited: a change
// is a new step. Version 0 is an empty file.
int latestVersion();

// Runs steps from+1 … to, each in its own transaction.
void migrate(sqlite::Database &db, int from, int to);

// The application id written into every cache file ("RDSK"), so a database
// of another program is never mistaken for an old cache and migrated.
constexpr int ApplicationId = 0x5244534B;

} // namespace rd::CacheSchema
