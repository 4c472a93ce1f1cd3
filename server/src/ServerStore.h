#pragma once

#include "ActionRules.h"
#include "Catalogue.h"
#include "Complaint.h"
#include "ComplaintRecords.h"
#include "PhotoFiles.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace rd::server {

struct User
{
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::Clerk;
    std::optional<int> agencyId; // none: a moderator, or a supervisor of all agencies
    bool disabled = false;       // may not sign in; its sessions are revoked

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

// Where the reference server keeps everything: one interface, two
// implementations — SqliteServerStore (one file; the demo and a small
// office) and PgServerStore (PostgreSQL; an agency's production). One
// object is one database connection, used on one thread at a time; several
// objects (threads, processes) may share one database.
//
// Every complaint write takes the next change sequence number (the feed's
// cursor is that number, never a clock) and logs scope changes (agency
// moved, deleted) so the feed can send tombstones. Write transactions are
// serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-level
// advisory lock), so sequence numbers commit in order and a feed reader can
// never move its cursor past a change that has not committed yet; reads run
// concurrently, the feed inside one snapshot.
class ServerStore
{
public:
    virtual ~ServerStore();
    Q_DISABLE_COPY_MOVE(ServerStore)

    // Opens the database a --database value names: "postgresql://…" or
    // "postgres://…" (a libpq URI) or a SQLite file path, with its photo
    // files in photosDir (none: it can store no uploaded photo). Migrates it
    // to the current schema. Throws on failure (the message says what and
    // where).
    static std::unique_ptr<ServerStore> open(const QString &database,
                                             const QString &photosDir = {});
    static bool isPostgres(const QString &database);

    // One write that either happens whole or not at all; only one runs at a
    // time across every connection to the database.
    class WriteTransaction final
    {
    public:
        explicit WriteTransaction(ServerStore &store);
        ~WriteTransaction();
        Q_DISABLE_COPY_MOVE(WriteTransaction)
        void commit();

    private:
        ServerStore &m_store;
        bool m_open = true;
    };

    // The schema version this database is at (its last migration step).
    virtual int schemaVersion() = 0;
    // Which kind of database and where, for logs (no password).
    virtual QString describe() const = 0;

    virtual bool isEmpty() = 0;

    virtual QString meta(const QString &key) = 0;
    virtual void setMeta(const QString &key, const QString &value) = 0;
    QString epoch() { return meta(QStringLiteral("epoch")); }
    void newEpoch();
    qint64 lastSeq();
    qint64 minCursor();

    // Users and sessions.
    virtual qint64 addUser(const QString &login, const QString &displayName, Role role,
                           std::optional<int> agencyId, const QString &password) = 0;
    virtual std::optional<User> userByLogin(const QString &login, QByteArray *salt = nullptr,
                                            QByteArray *hash = nullptr,
                                            int *iterations = nullptr) = 0;
    virtual std::optional<User> userById(qint64 id) = 0;
    virtual void storeToken(const QByteArray &digest, qint64 userId, const QDateTime &expires) = 0;
    struct TokenInfo
    {
        qint64 userId = 0;
        QDateTime expires;
        bool revoked = false;
    };
    virtual std::optional<TokenInfo> token(const QByteArray &digest) = 0;
    virtual void revokeToken(const QByteArray &digest) = 0;

    // Administration (regiondesk-server admin): users are never deleted, so
    // their ids are never reused; disabling one revokes its sessions.
    virtual QList<User> users() = 0;
    virtual void updateUser(const User &user) = 0; // display name, role, agency, disabled
    virtual void setPassword(qint64 userId, const QString &password) = 0;
    virtual void revokeTokensOf(qint64 userId) = 0;

    // A consistent copy of the whole database in file, taken while servers
    // run (SQLite: VACUUM INTO). PostgreSQL backups are pg_dump's job: this
    // throws, saying so.
    virtual void backupTo(const QString &file) = 0;

    // The audit log: who changed what, when, and the before and after.
    struct AuditEntry
    {
        qint64 id = 0;
        QDateTime at;
        QString actor;
        QString action;
        QString subject;
        QString before;
        QString after;
    };
    virtual void appendAudit(const AuditEntry &entry) = 0;
    virtual QList<AuditEntry> audit(int limit) = 0; // newest first

    // The catalogue, its JSON as served and its ETag (read once, kept).
    void setCatalogue(const Catalogue &catalogue);
    // Reads the catalogue again if another process (an admin command,
    // another server) changed it since: its ETag in meta differs. One meta
    // row read; true if it was read again.
    bool refreshCatalogue();
    const Catalogue &catalogue() const { return m_catalogue; }
    const QByteArray &catalogueJson() const { return m_catalogueJson; }
    const QByteArray &catalogueEtag() const { return m_catalogueEtag; }

    // Complaints. write() assigns the next sequence number and version+1
    // (or 1 for a new id) and returns the stored complaint.
    StoredComplaint write(Complaint complaint, const QList<Photo> &photos);
    virtual std::optional<StoredComplaint> complaint(qint64 id) = 0;
    // The id a newly filed complaint gets (inside the write that files it):
    // never one a complaint had before, even a deleted one.
    qint64 nextComplaintId();
    // The store never reads a clock: times come with the change.
    void remove(qint64 id, const QDateTime &at);

    // Records and tombstones after a cursor, read in one snapshot.
    virtual FeedPage feed(const Scope &scope, qint64 after, int limit) = 0;

    // History, oldest first.
    virtual void appendHistory(qint64 complaintId, const QDateTime &at, const QString &actor,
                               const QString &action, const QString &oldValue = {},
                               const QString &newValue = {}, const QString &comment = {}) = 0;
    virtual QList<HistoryEntry> history(qint64 complaintId) = 0;

    // Photos (ServerStorePhotos.cpp, docs/deployment.md "Photos"). A row
    // says what a photo is and, for an uploaded one, the SHA-256 of its
    // bytes, which live in photoFiles() under that name; a demo photo has
    // none (sha256 empty) and is drawn on demand. at: when it was added
    // (an upload never attached to an answer is collected after a while).
    const PhotoFiles &photoFiles() const { return m_photoFiles; }
    virtual void addPhoto(const Photo &photo, const QString &sha256, const QDateTime &at) = 0;
    // An uploaded photo: its file first (written and synced before any row
    // names it), then its row, in a write transaction of its own.
    void addUploadedPhoto(const Photo &photo, const QByteArray &data, const QDateTime &at);
    virtual std::optional<Photo> photo(const QString &id, QString *sha256 = nullptr) = 0;
    virtual QList<Photo> photos(qint64 complaintId) = 0;
    // The bytes of a photo: its file, checked (size and hash), or the drawn
    // demo picture. A missing or damaged file is logged and answered with
    // error set, never with other bytes.
    PhotoFiles::Read photoData(const Photo &photo, const QString &sha256) const;

    // For the maintenance of the photo files (admin photos gc, check, backup).
    struct PhotoRef
    {
        QString id;
        qint64 complaintId = 0;
        QString sha256;
        qint64 bytes = 0;
    };
    // Every row that names a file, by id.
    virtual QList<PhotoRef> photoFileRefs() = 0;
    // Rows added before addedBefore whose complaint is gone or whose
    // complaint's record does not show them (an upload never attached);
    // only those of onlyIds when it is not empty.
    virtual QList<PhotoRef> unattachedPhotos(const QDateTime &addedBefore,
                                             const QStringList &onlyIds = {}) = 0;
    virtual void deletePhoto(const QString &id) = 0;
    virtual bool photoFileInUse(const QString &sha256) = 0;

    // Idempotency records, per user and key.
    virtual std::optional<StoredResponse> storedResponse(qint64 userId, const QString &key) = 0;
    virtual void storeResponse(qint64 userId, const QString &key, const StoredResponse &response,
                               const QDateTime &now) = 0;

    // Drops idempotency records older than keepResponses and scope-change
    // records older than keepTombstones; a cursor from before the oldest
    // kept scope change then answers 410.
    virtual void prune(const QDateTime &now, qint64 keepResponsesSecs,
                       qint64 keepTombstonesSecs) = 0;

    // Open311 (docs/api.md "Open311"): what a GeoReport client posted that
    // the record has no field for.
    struct Open311Filing
    {
        qint64 complaintId = 0;
        bool locationGiven = true; // false: address only, the point is the city's centre
        QString addressId;
        QString mediaUrl;
    };
    virtual void addOpen311Filing(const Open311Filing &filing) = 0;
    virtual QHash<qint64, Open311Filing> open311Filings(const QList<qint64> &complaintIds) = 0;
    // Published complaints (publish went through, a public state) filed in
    // [filedFrom, filedTo], newest filed first, a page of them; through an
    // index on what it filters, reading only the records it returns.
    struct Open311Query
    {
        QList<ComplaintState> states; // only these (of the public ones)
        QList<int> categories;        // empty: all
        QDateTime filedFrom;
        QDateTime filedTo;
        int limit = 1000;
        int offset = 0;
    };
    virtual QList<StoredComplaint> open311Requests(const Open311Query &query) = 0;
    // These complaints in whatever state (the caller decides what is shown).
    virtual QList<StoredComplaint> complaintsByIds(const QList<qint64> &ids) = 0;
    // History entries of these actions on published complaints, at in
    // [from, to], oldest first, a page of them.
    virtual QList<HistoryEntry> open311History(const QStringList &actions, const QDateTime &from,
                                               const QDateTime &to, int limit, int offset) = 0;
    // The last history entry of a complaint (the one just appended).
    virtual std::optional<HistoryEntry> lastHistoryEntry(qint64 complaintId) = 0;

    // Quotas (docs/deployment.md, "Quotas"; Quotas.cpp decides): counted
    // here, in the database, so they hold across every process on it; the
    // checks run inside the write transaction that records what they
    // admit, so two processes cannot both take the last unit. In
    // SqliteServerStoreQuotas.cpp and PgServerStoreQuotas.cpp.
    struct Upload
    {
        QString photoId;
        qint64 userId = 0;
        qint64 bytes = 0;
        QDateTime at;
    };
    // Records an upload and forgets those from before forgetBefore.
    virtual void recordUpload(const Upload &upload, const QDateTime &forgetBefore) = 0;
    // These uploads are named by an answer now (no longer unattached).
    virtual void attachUploads(const QStringList &photoIds) = 0;
    // Bytes the user uploaded after since.
    virtual qint64 uploadedBytes(qint64 userId, const QDateTime &since) = 0;
    // When the user's uploads after since, oldest first, add up to at least
    // bytes (the upload that gets there); none if they never do.
    virtual std::optional<QDateTime> uploadedBytesReach(qint64 userId, const QDateTime &since,
                                                        qint64 bytes) = 0;
    // When the user's unattached uploads after since were made, oldest
    // first, at most limit of them.
    virtual QList<QDateTime> unattachedUploads(qint64 userId, const QDateTime &since,
                                               int limit) = 0;
    // Per-client events (kind: "vote", "filing"; client: an address key):
    // recorded, and those of the kind from before forgetBefore forgotten
    // (addresses are not kept longer than the window needs them).
    virtual void recordClientEvent(const QString &kind, const QString &client, const QDateTime &at,
                                   const QDateTime &forgetBefore) = 0;
    // When the client's events of kind after since happened, oldest first,
    // at most limit of them.
    virtual QList<QDateTime> clientEvents(const QString &kind, const QString &client,
                                          const QDateTime &since, int limit) = 0;
    // Forgets client events and uploads from before these times (the
    // housekeeping's, when no new ones came to do it).
    virtual void forgetQuotaCounts(const QDateTime &eventsBefore,
                                   const QDateTime &uploadsBefore) = 0;

    // Monitoring: when the newest change (the one lastSeq() numbers) was
    // made, by the time it carries; none before the first.
    virtual std::optional<QDateTime> lastChangeAt() = 0;

    // Test seam (the hold-commits test hook): every write transaction of this
    // process, on every connection, sleeps this long before it commits.
    // Never set in production.
    static void setCommitDelayForTests(int ms) { s_commitDelayMs = ms; }

protected:
    explicit ServerStore(PhotoFiles photoFiles = {})
        : m_photoFiles(std::move(photoFiles))
    {}

    // The row a write replaces: its version and agency, if it exists.
    struct Existing
    {
        qint64 version = 0;
        std::optional<int> agencyId;
    };
    virtual std::optional<Existing> existing(qint64 id) = 0;
    virtual qint64 nextSeq() = 0;
    virtual void logScopeChange(qint64 seq, qint64 complaintId, std::optional<int> oldAgency,
                                bool deleted, const QDateTime &at) = 0;
    virtual void putComplaint(const Complaint &c, qint64 seq, const QByteArray &body,
                              const QByteArray &author) = 0;
    virtual void deleteComplaint(qint64 id) = 0;

    virtual void beginWrite() = 0;
    virtual void commitWrite() = 0;
    virtual void rollbackWrite() = 0;

    virtual QByteArray readCatalogueJson() = 0;
    virtual void saveCatalogueJson(const QByteArray &json) = 0;
    // Reads the catalogue again (after opening; after setCatalogue()).
    void loadCatalogue();
    // First start: a new epoch and the counters at 0.
    void initialiseMeta();
    // Throws when a database is at a newer schema than this server knows
    // (a newer server migrated it): an older one must not write to it.
    static void refuseNewerSchema(int version, int latest, const QString &where);

    StoredComplaint decode(qint64 seq, const QByteArray &body, const QByteArray &author) const;

private:
    PhotoFiles m_photoFiles;
    Catalogue m_catalogue;
    QByteArray m_catalogueJson;
    QByteArray m_catalogueEtag;
    static inline std::atomic<int> s_commitDelayMs{0};
};

} // namespace rd::server
