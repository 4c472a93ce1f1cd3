#include "FeedService.h"

#include "ActionRules.h"
#include "ContentCoding.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

namespace rd::server {

namespace {

// A cursor is "rd1:<seq>:<floor>", base64url: the change sequence number the
// client has seen up to, and the oldest change the server still kept when
// the client's walk from the beginning started. A cursor behind the pruned
// history is still good if nothing was pruned since its walk began: every
// tombstone it could miss is about a complaint its walk never sent.
struct Cursor
{
    qint64 seq = 0;
    qint64 floor = 0;
};

QString encodeCursor(const Cursor &cursor)
{
    return QString::fromLatin1(
        QByteArray("rd1:" + QByteArray::number(cursor.seq) + ':' + QByteArray::number(cursor.floor))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<Cursor> decodeCursor(const QString &cursor, qint64 currentFloor)
{
    if (cursor.isEmpty())
        return Cursor{0, currentFloor};
    if (cursor.size() > 96)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith("rd1:"))
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.mid(4).split(':');
    if (parts.size() > 2)
        return std::nullopt;
    bool ok = false;
    Cursor result;
    result.seq = parts[0].toLongLong(&ok);
    if (!ok || result.seq < 0)
        return std::nullopt;
    result.floor = result.seq; // cursors of the first format: no walk start known
    if (parts.size() == 2) {
        result.floor = parts[1].toLongLong(&ok);
        if (!ok || result.floor < 0)
            return std::nullopt;
    }
    return result;
}

Scope scopeOf(const User &user)
{
    return {ActionRules::readScope(user.actor())};
}

// A JSON string of text (escaped as JSON needs).
QByteArray jsonString(const QString &text)
{
    return QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

// What heads a page: its epoch, the next cursor, the reference tags.
struct PageHead
{
    QString epoch;
    Cursor next;
    QByteArray catalogueEtag;
    QByteArray geographyEtag;
};

// Assembled from the stored JSON texts, without re-encoding each record:
// the author object is put in place of "author":null when the user may
// see it. (A JSON string cannot contain an unescaped quote, so the
// pattern only ever matches the top-level key.)
QByteArray changesBody(const FeedPage &page, const PageHead &head, bool personal)
{
    QByteArray body;
    body.reserve(page.records.size() * 900 + 320);
    body += "{\"epoch\":" + jsonString(head.epoch);
    body += ",\"cursor\":\"" + encodeCursor(head.next).toLatin1() + "\",\"more\":";
    body += page.more ? "true" : "false";
    body += ",\"catalogue_etag\":" + jsonString(QString::fromLatin1(head.catalogueEtag));
    body += ",\"geography_etag\":" + jsonString(QString::fromLatin1(head.geographyEtag));
    body += ",\"records\":[";
    for (qsizetype i = 0; i < page.records.size(); ++i) {
        if (i > 0)
            body += ',';
        if (personal) {
            QByteArray record = page.records[i];
            record.replace(QByteArrayLiteral("\"author\":null"), "\"author\":" + page.authors[i]);
            body += record;
        } else {
            body += page.records[i];
        }
    }
    body += "],\"tombstones\":[";
    for (qsizetype i = 0; i < page.tombstones.size(); ++i) {
        if (i > 0)
            body += ',';
        body += QByteArray::number(page.tombstones[i]);
    }
    body += "]}";
    return body;
}

} // namespace

FeedService::FeedService(ServerStore &store, const ServerConfig &config, SharedState &shared)
    : m_store(store)
    , m_config(config)
    , m_shared(shared)
    , m_metrics(shared.metrics())
{}

qint64 FeedService::expectedRecords(const QUrlQuery &query, const ServerConfig &config,
                                    qint64 lastSeq)
{
    const std::optional<Cursor> after =
        decodeCursor(query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded), 0);
    if (!after)
        return 0;
    bool ok = false;
    const int asked = query.queryItemValue(QStringLiteral("limit"), QUrl::FullyDecoded).toInt(&ok);
    const qint64 limit =
        std::min(ok && asked > 0 ? asked : config.defaultPageSize, config.maxPageSize);
    return std::clamp<qint64>(lastSeq - after->seq, 0, limit);
}

ApiResponse FeedService::catalogue(const ApiRequest &request)
{
    // Asked for the catalogue, a worker looks whether an admin command or
    // another process changed it (one meta row) rather than wait for its
    // once-a-second check: the answer is never older than the database.
    m_store.refreshCatalogue();
    ApiResponse r;
    // Weak: a gzip-coded answer's bytes differ from the plain one's, the
    // catalogue is the same (docs/api.md, "Compression").
    r.addHeader("ETag", "W/" + m_store.catalogueEtag());
    r.addHeader("Cache-Control", "private, no-cache");
    if (etagMatches(request.header("if-none-match"), m_store.catalogueEtag())) {
        r.status = 304;
        r.contentType.clear();
        return r;
    }
    r.body = m_store.catalogueJson();
    return r;
}

ApiResponse FeedService::changes(const ApiRequest &request, const Session &session,
                                 const QByteArray &geographyEtag)
{
    const qint64 floor = m_store.minCursor();
    const std::optional<Cursor> after = decodeCursor(
        request.query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded), floor);
    if (!after)
        return ApiResponse::error(400, QStringLiteral("bad_cursor"),
                                  QStringLiteral("The cursor is not one this server gave out."));
    int limit = m_config.defaultPageSize;
    const QString limitText =
        request.query.queryItemValue(QStringLiteral("limit"), QUrl::FullyDecoded);
    if (!limitText.isEmpty()) {
        bool ok = false;
        limit = limitText.toInt(&ok);
        if (!ok || limit < 1)
            return ApiResponse::error(400, QStringLiteral("bad_limit"),
                                      QStringLiteral("limit must be a positive whole number."));
        limit = std::min(limit, m_config.maxPageSize);
    }
    const QString epoch = m_store.epoch();
    const QString clientEpoch =
        request.query.queryItemValue(QStringLiteral("epoch"), QUrl::FullyDecoded);
    if (after->seq > 0 &&
        ((!clientEpoch.isEmpty() && clientEpoch != epoch) || after->seq > m_store.lastSeq() ||
         (after->seq < floor && after->floor < floor))) {
        ApiResponse gone = ApiResponse::error(
            410, QStringLiteral("resync"),
            QStringLiteral("This cursor is older than the changes the server keeps, or from "
                           "another epoch. Start again without a cursor."));
        return gone;
    }
    const FeedPage page = m_store.feed(scopeOf(session.user), after->seq, limit);
    const Cursor next{page.upTo, after->floor};
    // A last page covers up to the newest change; an earlier one does not.
    const qint64 newest = page.more ? m_store.lastSeq() : page.upTo;
    m_shared.noteLastSeq(newest);
    m_metrics.feedRead(newest - after->seq);
    ApiResponse r;
    // The catalogue's tag as this worker saw it: at most a second old (it
    // looks again before a job once a second), no read of its own on a poll.
    r.body = changesBody(page, {epoch, next, "W/" + m_store.catalogueEtag(), geographyEtag},
                         seesPersonalData(session.user));
    if (page.more) {
        // RFC 8288: lets a client ask for the next page while it reads this one.
        QUrlQuery link;
        link.addQueryItem(QStringLiteral("cursor"), encodeCursor(next));
        link.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        link.addQueryItem(QStringLiteral("epoch"), epoch);
        r.addHeader("Link", "</api/v1/changes?" + link.query(QUrl::FullyEncoded).toLatin1() +
                                ">; rel=\"next\"");
    }
    return r;
}

} // namespace rd::server
