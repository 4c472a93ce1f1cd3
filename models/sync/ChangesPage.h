#pragma once

#include "ApiJson.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace rd {

// The longest ETag a page may name.
constexpr qsizetype MaxPageEtagLength = 256;

// One page of GET /api/v1/changes (docs/api.md, "The changes feed").
struct ChangesPage
{
    QString epoch;
    QString cursor;
    bool more = false;
    // The ETags of the catalogue and the geography as the server had them
    // (empty: a server that does not say; docs/api.md, "The changes feed").
    QString catalogueEtag;
    QString geographyEtag;
    QList<ApiJson::ParsedComplaint> records;
    QList<qint64> tombstones;
    qint64 bytes = 0; // size of the body it was read from
};

// Reads a page strictly: one unreadable record refuses the whole page (it is
// then applied not at all, and the cursor does not move), with the record's
// position, id and field in the error.
ApiJson::Parsed<ChangesPage> parseChangesPage(const QByteArray &body);
// The same through QJsonDocument only, without the fast path
// (readChangesPageFast) that parseChangesPage tries first; for tests.
ApiJson::Parsed<ChangesPage> parseChangesPageStrict(const QByteArray &body);

// The cursor of the rel="next" link in a Link header (RFC 8288), which lets a
// client ask for the next page before it has read this one; empty if none.
QString nextCursorFromLink(const QByteArray &linkHeader);

} // namespace rd
