#pragma once

#include <QDateTime>
#include <QString>

namespace rd {

// What a complaint carries besides its own fields: its photos and the
// history of what was done to it. Shared by the server, the wire and the
// cache.

struct Photo
{
    QString id; // the server's media id
    qint64 complaintId = 0;
    QString mimeType;
    int width = 0;
    int height = 0;
    qint64 bytes = 0;
    bool evidence = false; // attached by the agency to a "solved" answer
    friend bool operator==(const Photo &, const Photo &) = default;
};

struct HistoryEntry
{
    qint64 complaintId = 0;
    qint64 seq = 0; // the server's order of events for this complaint
    QDateTime at;
    QString actor;    // display name of who acted
    QString action;   // action code: "filed", "publish", "redact", "solve", …
    QString oldValue; // before, e.g. the original text of a redaction (staff only)
    QString newValue;
    QString comment;
    friend bool operator==(const HistoryEntry &, const HistoryEntry &) = default;
};

} // namespace rd
