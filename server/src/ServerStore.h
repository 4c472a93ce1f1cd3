#pragma once

#include "ActionRules.h"
#include "Catalogue.h"
#include "Complaint.h"
#include "ComplaintRecords.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace rd::sqlite {
class Database;
class Transaction;
} // namespace rd::sqlite

namespace rd::server {

struct User
{
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::Clerk;
    std::optional<int> agencyId; // none: a moderator, or a supervisor of all agencies

    Actor actor() const
    {
        return {role, agencyId ? std::optional<qint64>(*agencyId) : std::nullopt};
    }
};

// Whose complaints a user may read (DESIGN.md §3): one agency's, or all.
struct Scope
{
    std::optional<int> agencyId; // none: every complaint
};

struct StoredComplaint
{
    Complaint complaint;
    QList<Photo> photos;
    qint64 seq = 0;
};

struct FeedPage
{
    QList<QByteArray> records; // each a complaint's JSON object, as stored
    QList<QByteArray> authors; // its author's JSON (object text), same order
    QList<qint64> tombstones;
    qint64 upTo = 0; // the change sequence this page covers up to
    bool more = false;
};

struct StoredResponse
{
    QByteArray requestHash;
    int status = 0;
    QByteArray body;
};

// The reference server's own SQLite database. One connection, used on the
// server's thread only. Every complaint write takes the next change sequence
// number (the feed's cursor is that number, never a clock) and logs scope
// changes (agency moved, deleted) so the feed can send tombstones.
class ServerStore final
{
public:
    explicit ServerStore(const QString &path);
    ~ServerStore();
    Q_DISABLE_COPY_MOVE(ServerStore)

    // One write that either happens whole or not at all (BEGIN IMMEDIATE;
    // rolled back unless committed).
    class WriteTransaction final
    {
    public:
        explicit WriteTransaction(ServerStore &store);
        ~WriteTransaction();
        Q_DISABLE_COPY_MOVE(WriteTransaction)
        void commit();

    private:
        std::unique_ptr<sqlite::Transaction> m_transaction;
    };

    bool isEmpty();

    QString meta(const QString &key);
    void setMeta(const QString &key, const QString &value);
    QString epoch() { return meta(QStringLiteral("epoch")); }
    void newEpoch();
    qint64 lastSeq();
    qint64 minCursor();

    // Users and sessions.
    qint64 addUser(const QString &login, const QString &displayName, Role role,
                   std::optional<int> agencyId, const QString &password);
    std::optional<User> userByLogin(const QString &login, QByteArray *salt = nullptr,
                                    QByteArray *hash = nullptr, int *iterations = nullptr);
    std::optional<User> userById(qint64 id);
    void storeToken(const QByteArray &digest, qint64 userId, const QDateTime &expires);
    struct TokenInfo
    {
        qint64 userId = 0;
        QDateTime expires;
        bool revoked = false;
    };
    std::optional<TokenInfo> token(const QByteArray &digest);
    void revokeToken(const QByteArray &digest);

    // The catalogue, its JSON as served and its ETag.
    void setCatalogue(const Catalogue &catalogue);
    const Catalogue &catalogue() const { return m_catalogue; }
    const QByteArray &catalogueJson() const { return m_catalogueJson; }
    const QByteArray &catalogueEtag() const { return m_catalogueEtag; }

    // Complaints. write() assigns the next sequence number and version+1
    // (or 1 for a new id) and returns the stored complaint.
    StoredComplaint write(Complaint complaint, const QList<Photo> &photos);
    std::optional<StoredComplaint> complaint(qint64 id);
    // The id a newly filed complaint gets (inside the write that files it).
    qint64 nextComplaintId();
    // The store never reads a clock: times come with the change.
    void remove(qint64 id, const QDateTime &at);

    // Complaints by state and more (Open311 requests.json): newest change
    // first, one query.
    struct ComplaintQuery
    {
        QList<ComplaintState> states; // only these
        QList<qint64> ids;            // only these (then no time window)
        QList<int> categories;        // only these categories; empty: all
        QDateTime filedFrom;          // filed in [filedFrom, filedTo], unless ids
        QDateTime filedTo;
        int limit = 1000;
    };
    QList<StoredComplaint> complaints(const ComplaintQuery &query);
    FeedPage feed(const Scope &scope, qint64 after, int limit);

    // History, oldest first.
    void appendHistory(qint64 complaintId, const QDateTime &at, const QString &actor,
                       const QString &action, const QString &oldValue = {},
                       const QString &newValue = {}, const QString &comment = {});
    QList<HistoryEntry> history(qint64 complaintId);

    // Photos: data may be empty for demo photos, which are drawn on demand.
    void addPhoto(const Photo &photo, const QByteArray &data);
    std::optional<Photo> photo(const QString &id, QByteArray *data = nullptr);
    QList<Photo> photos(qint64 complaintId);

    // Idempotency records, per user and key.
    std::optional<StoredResponse> storedResponse(qint64 userId, const QString &key);
    void storeResponse(qint64 userId, const QString &key, const StoredResponse &response,
                       const QDateTime &now);

    // Drops idempotency records older than keepResponses and scope-change
    // records older than keepTombstones; a cursor from before the oldest
    // kept scope change then answers 410.
    void prune(const QDateTime &now, qint64 keepResponsesSecs, qint64 keepTombstonesSecs);

    // Open311 (docs/api.md "Open311"; SQLite in ServerStoreOpen311.cpp).
    // What a GeoReport client posted that the record has no field for.
    struct Open311Filing
    {
        qint64 complaintId = 0;
        bool locationGiven = true; // false: address only, the point is the city's centre
        QString addressId;
        QString mediaUrl;
    };
    void addOpen311Filing(const Open311Filing &filing);
    QHash<qint64, Open311Filing> open311Filings(const QList<qint64> &complaintIds);
    // Published complaints (publish went through, a public state) filed in
    // [filedFrom, filedTo], newest filed first, a page of them; through the
    // index of schema step 2, reading only the records it returns.
    struct Open311Query
    {
        QList<ComplaintState> states; // only these (of the public ones)
        QList<int> categories;        // empty: all
        QDateTime filedFrom;
        QDateTime filedTo;
        int limit = 1000;
        int offset = 0;
    };
    QList<StoredComplaint> open311Requests(const Open311Query &query);
    // These complaints in whatever state (the caller decides what is shown).
    QList<StoredComplaint> complaintsByIds(const QList<qint64> &ids);
    // History entries of these actions on published complaints, at in
    // [from, to], oldest first, a page of them.
    QList<HistoryEntry> open311History(const QStringList &actions, const QDateTime &from,
                                       const QDateTime &to, int limit, int offset);
    // The last history entry of a complaint (the one just appended).
    std::optional<HistoryEntry> lastHistoryEntry(qint64 complaintId);

private:
    StoredComplaint decode(qint64 seq, const QString &body, const QString &author) const;
    qint64 nextSeq();
    void loadCatalogue();

    std::unique_ptr<sqlite::Database> m_db;
    Catalogue m_catalogue;
    QByteArray m_catalogueJson;
    QByteArray m_catalogueEtag;
};

} // namespace rd::server
