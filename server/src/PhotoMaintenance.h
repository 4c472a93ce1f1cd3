#pragma once

#include "ServerStore.h"

#include <QDateTime>
#include <QStringList>

namespace rd::server::PhotoMaintenance {

// The upkeep of the photo files (PhotoFiles) behind "regiondesk-server admin
// photos gc", "photos check" and "backup --photos-to" (docs/deployment.md,
// "Photos").

struct GcReport
{
    QStringList rows;      // ids of photo rows removed
    QStringList files;     // photo files removed (their names)
    qint64 bytes = 0;      // their size
    QStringList temporary; // unfinished writes removed (their paths)
    QStringList unknown;   // files not named as photo files are: left alone (their paths)
    QStringList problems;  // files that could not be removed, and why
};

// Removes what no one can reach any more and is older than graceSecs:
// first the rows of photos whose complaint is gone or whose complaint's
// record never showed them (an upload never attached to an answer), then
// the files no row names, and the temporary files of writes that never
// finished. Each removal is decided again under the store's write lock
// (in batches, so writers wait milliseconds at a time): an upload of the
// same bytes or an answer attaching the photo meanwhile keeps it. dryRun:
// only reports what would go.
GcReport collect(ServerStore &store, const QDateTime &now, qint64 graceSecs, bool dryRun);

struct CheckReport
{
    int files = 0;        // distinct files read and found right
    qint64 bytes = 0;     // their size
    int rows = 0;         // rows that name a file
    QStringList problems; // "photo <id>: <what is wrong>"
};

// Reads every file a row names and checks its size and hash.
CheckReport check(ServerStore &store);

struct CopyReport
{
    int copied = 0;   // files written into the copy
    int present = 0;  // already there (same name and size)
    qint64 bytes = 0; // bytes copied
    QStringList problems;
};

// Copies into to every file the rows of store name, read (and checked)
// from from; a file already there under its name and size is kept, so a
// second run copies only what is new.
CopyReport copyFiles(ServerStore &store, const PhotoFiles &from, const PhotoFiles &to);

} // namespace rd::server::PhotoMaintenance
