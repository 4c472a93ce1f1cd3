#pragma once

#include "ServerStore.h"

namespace rd::sqlite {
class Database;
} // namespace rd::sqlite

namespace rd::server {

// The server's store in one SQLite file (WAL): the demo's and a single small
// office's. Several connections (threads, processes) may open one file;
// writers queue on BEGIN IMMEDIATE and the busy timeout.
class SqliteServerStore final : public ServerStore
{
public:
    // schemaVersion: migrate only this far (a test seam for the ladder);
    // -1, as always in production: the latest. photoFiles: where uploaded
    // photos' bytes are (ServerStore::photoFiles()).
    explicit SqliteServerStore(const QString &path, int schemaVersion = -1,
                               PhotoFiles photoFiles = {});
    ~SqliteServerStore() override;
    Q_DISABLE_COPY_MOVE(SqliteServerStore)

    // The last step of the migration ladder (PRAGMA user_version).
    static int latestSchemaVersion();

    int schemaVersion() override;
    QString describe() const override;
    bool isEmpty() override;
    QString meta(const QString &key) override;
    void setMeta(const QString &key, const QString &value) override;

    qint64 addUser(const QString &login, const QString &displayName, Role role,
                   std::optional<int> agencyId, const QString &password) override;
    std::optional<User> userByLogin(const QString &login, QByteArray *salt, QByteArray *hash,
                                    int *iterations) override;
    std::optional<User> userById(qint64 id) override;
    void storeToken(const QByteArray &digest, qint64 userId, const QDateTime &expires) override;
    std::optional<TokenInfo> token(const QByteArray &digest) override;
    void revokeToken(const QByteArray &digest) override;
    QList<User> users() override;
    void updateUser(const User &user) override;
    void setPassword(qint64 userId, const QString &password) override;
    void revokeTokensOf(qint64 userId) override;
    void appendAudit(const AuditEntry &entry) override;
    QList<AuditEntry> audit(int limit) override;
    void backupTo(const QString &file) override;

    std::optional<StoredComplaint> complaint(qint64 id) override;
    FeedPage feed(const Scope &scope, qint64 after, int limit) override;

    void appendHistory(qint64 complaintId, const QDateTime &at, const QString &actor,
                       const QString &action, const QString &oldValue, const QString &newValue,
                       const QString &comment) override;
    QList<HistoryEntry> history(qint64 complaintId) override;

    // SqliteServerStorePhotos.cpp
    void addPhoto(const Photo &photo, const QString &sha256, const QDateTime &at) override;
    std::optional<Photo> photo(const QString &id, QString *sha256) override;
    QList<Photo> photos(qint64 complaintId) override;
    QList<PhotoRef> photoFileRefs() override;
    QList<PhotoRef> unattachedPhotos(const QDateTime &addedBefore,
                                     const QStringList &onlyIds) override;
    void deletePhoto(const QString &id) override;
    bool photoFileInUse(const QString &sha256) override;

    std::optional<StoredResponse> storedResponse(qint64 userId, const QString &key) override;
    void storeResponse(qint64 userId, const QString &key, const StoredResponse &response,
                       const QDateTime &now) override;
    void prune(const QDateTime &now, qint64 keepResponsesSecs, qint64 keepTombstonesSecs) override;

    // Open311 (SqliteServerStoreOpen311.cpp).
    void addOpen311Filing(const Open311Filing &filing) override;
    QHash<qint64, Open311Filing> open311Filings(const QList<qint64> &complaintIds) override;
    QList<StoredComplaint> open311Requests(const Open311Query &query) override;
    QList<StoredComplaint> complaintsByIds(const QList<qint64> &ids) override;
    QList<HistoryEntry> open311History(const QStringList &actions, const QDateTime &from,
                                       const QDateTime &to, int limit, int offset) override;
    std::optional<HistoryEntry> lastHistoryEntry(qint64 complaintId) override;

    // Quotas and monitoring (SqliteServerStoreQuotas.cpp).
    void recordUpload(const Upload &upload, const QDateTime &forgetBefore) override;
    void attachUploads(const QStringList &photoIds) override;
    qint64 uploadedBytes(qint64 userId, const QDateTime &since) override;
    std::optional<QDateTime> uploadedBytesReach(qint64 userId, const QDateTime &since,
                                                qint64 bytes) override;
    QList<QDateTime> unattachedUploads(qint64 userId, const QDateTime &since, int limit) override;
    void recordClientEvent(const QString &kind, const QString &client, const QDateTime &at,
                           const QDateTime &forgetBefore) override;
    QList<QDateTime> clientEvents(const QString &kind, const QString &client,
                                  const QDateTime &since, int limit) override;
    void forgetQuotaCounts(const QDateTime &eventsBefore, const QDateTime &uploadsBefore) override;
    std::optional<QDateTime> lastChangeAt() override;

protected:
    std::optional<Existing> existing(qint64 id) override;
    qint64 nextSeq() override;
    void logScopeChange(qint64 seq, qint64 complaintId, std::optional<int> oldAgency, bool deleted,
                        const QDateTime &at) override;
    void putComplaint(const Complaint &c, qint64 seq, const QByteArray &body,
                      const QByteArray &author) override;
    void deleteComplaint(qint64 id) override;
    void beginWrite() override;
    void commitWrite() override;
    void rollbackWrite() override;
    QByteArray readCatalogueJson() override;
    void saveCatalogueJson(const QByteArray &json) override;

private:
    void migrate(int to);
    // Schema step 6 (SqliteServerStorePhotos.cpp).
    void movePhotosToFiles();

    std::unique_ptr<sqlite::Database> m_db;
};

// Migration step 5, the quotas' tables (SqliteServerStoreQuotas.cpp).
const char *sqliteQuotasStep();

} // namespace rd::server
