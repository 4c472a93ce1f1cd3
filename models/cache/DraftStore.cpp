#include "DraftStore.h"

#include "CacheGuard.h"
#include "Clock.h"
#include "ComplaintStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rd {

using detail::fromDateText;
using detail::fromMs;
using detail::guarded;
using detail::guardedWrite;
using detail::toDateText;
using detail::toMs;

namespace {

Draft readDraft(const sqlite::Statement &s)
{
    return {s.int64(0),         s.text(1), s.text(2),
            fromDateText(s, 3), s.text(4), s.int64(5),
            fromMs(s, 6),       s.blob(7), s.text(8).split(QLatin1Char(' '), Qt::SkipEmptyParts)};
}

const char *const DraftColumns =
    "complaint_id, kind, text, deadline, refusal_ground, base_version, updated_at, field_errors, "
    "photo_ids";

} // namespace

DraftStore::DraftStore(sqlite::Database &db, ComplaintStore &complaints)
    : m_db(db)
    , m_complaints(complaints)
{}

void DraftStore::save(const Draft &draft)
{
    if (draft.complaintId <= 0 || draft.kind.isEmpty())
        throw std::invalid_argument("a draft needs a complaint and a kind");
    guardedWrite(m_db, [&] {
        sqlite::Statement &s = m_db.prepare(
            QStringLiteral(
                "INSERT OR REPLACE INTO drafts (%1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .arg(QLatin1String(DraftColumns)));
        s.bind(1, draft.complaintId)
            .bind(2, draft.kind)
            .bind(3, draft.text.isNull() ? QStringLiteral("") : draft.text)
            .bind(4, toDateText(draft.deadline))
            .bind(5, draft.refusalGround)
            .bind(6, draft.baseVersion)
            .bind(7, toMs(draft.updatedAt.isValid() ? draft.updatedAt : Clock::system().now()))
            .bind(8, draft.fieldErrors)
            .bind(9, draft.photoIds.join(QLatin1Char(' ')))
            .run();
    });
}

std::optional<Draft> DraftStore::draft(qint64 complaintId)
{
    return guarded([&]() -> std::optional<Draft> {
        sqlite::Statement &s =
            m_db.prepare(QStringLiteral("SELECT %1 FROM drafts WHERE complaint_id = ?1")
                             .arg(QLatin1String(DraftColumns)));
        s.bind(1, complaintId);
        std::optional<Draft> result;
        if (s.step())
            result = readDraft(s);
        s.reset();
        return result;
    });
}

QList<Draft> DraftStore::all()
{
    return guarded([&] {
        sqlite::Statement &s =
            m_db.prepare(QStringLiteral("SELECT %1 FROM drafts ORDER BY updated_at DESC")
                             .arg(QLatin1String(DraftColumns)));
        QList<Draft> drafts;
        while (s.step())
            drafts.append(readDraft(s));
        s.reset();
        return drafts;
    });
}

void DraftStore::discard(qint64 complaintId)
{
    guardedWrite(m_db, [&] {
        m_db.prepare(QStringLiteral("DELETE FROM drafts WHERE complaint_id = ?1"))
            .bind(1, complaintId)
            .run();
        m_complaints.releaseIfUnprotected(complaintId);
    });
}

qint64 DraftStore::count()
{
    return guarded([&] { return m_db.queryInt(QStringLiteral("SELECT count(*) FROM drafts")); });
}

QList<DraftStore::Snippet> DraftStore::snippets()
{
    return guarded([&] {
        sqlite::Statement &s =
            m_db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'user.snippets'"));
        const QByteArray json = s.step() ? s.text(0).toUtf8() : QByteArray();
        s.reset();
        QList<Snippet> out;
        for (const QJsonValue &v : QJsonDocument::fromJson(json).array()) {
            const Snippet snippet{v[QStringLiteral("title")].toString(),
                                  v[QStringLiteral("text")].toString()};
            if (!snippet.text.isEmpty())
                out.append(snippet);
        }
        return out;
    });
}

void DraftStore::setSnippets(const QList<Snippet> &snippets)
{
    QJsonArray list;
    for (const Snippet &s : snippets)
        list.append(
            QJsonObject{{QStringLiteral("title"), s.title}, {QStringLiteral("text"), s.text}});
    guardedWrite(m_db, [&] {
        m_db.prepare(QStringLiteral(
                         "INSERT OR REPLACE INTO meta (key, value) VALUES ('user.snippets', ?1)"))
            .bind(1, QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)))
            .run();
    });
}

QList<SavedSearch> DraftStore::savedSearches(int *skipped)
{
    return guarded([&] {
        sqlite::Statement &s = m_db.prepare(
            QStringLiteral("SELECT value FROM meta WHERE key = 'user.saved_searches'"));
        const QByteArray json = s.step() ? s.text(0).toUtf8() : QByteArray();
        s.reset();
        return SavedSearches::fromJson(json, skipped);
    });
}

void DraftStore::setSavedSearches(const QList<SavedSearch> &searches)
{
    guardedWrite(m_db, [&] {
        // What this desk could not read stays, for the desk that can.
        sqlite::Statement &s = m_db.prepare(
            QStringLiteral("SELECT value FROM meta WHERE key = 'user.saved_searches'"));
        const QByteArray old = s.step() ? s.text(0).toUtf8() : QByteArray();
        s.reset();
        QJsonArray unread;
        SavedSearches::fromJson(old, nullptr, &unread);
        m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) "
                                    "VALUES ('user.saved_searches', ?1)"))
            .bind(1, QString::fromUtf8(SavedSearches::toJson(searches, unread)))
            .run();
    });
}

} // namespace rd
