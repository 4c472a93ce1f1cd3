#pragma once

#include "Geography.h"

#include <QString>

namespace rd {

namespace sqlite {
class Database;
}

// The city's geography the server publishes (district outlines, street
// lines: docs/api.md "Geography"), kept for the map to draw offline, with
// the ETag it came with. Also what went wrong the last time the server's
// geography could not be read (the old one stays meanwhile), for the map to
// say.
class GeographyStore final
{
public:
    explicit GeographyStore(sqlite::Database &db);
    Q_DISABLE_COPY_MOVE(GeographyStore)

    // Replaces the whole geography atomically, with its ETag; clears the
    // problem.
    void replace(const Geography &geography, const QString &etag);
    Geography load();
    QString etag();

    // In plain words; empty when there is none.
    void setProblem(const QString &problem);
    QString problem();

private:
    QString metaValue(const QString &key);
    void setMetaValue(const QString &key, const QString &value);

    sqlite::Database &m_db;
};

} // namespace rd
