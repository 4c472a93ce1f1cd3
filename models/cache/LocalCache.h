#pragma once

#include "BulkLoad.h"
#include "CacheRecords.h"
#include "CatalogueStore.h"
#include "ComplaintStore.h"
#include "DraftStore.h"
#include "GeographyStore.h"
#include "MediaStore.h"
#include "OutboxStore.h"
#include "QueueReader.h"
#include "ReportReader.h"
#include "SearchIndex.h"
#include "TileStore.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace rd {

namespace sqlite {
class Database;
class Transaction;
} // namespace sqlite

struct CacheOptions
{
    // Caps the file at this many pages (0: no cap). An administrator's quota;
    // tests use it to make the disk "full" on demand.
    qint64 maxPageCount = 0;
    // Copy the file aside before migrating it to a newer schema.
    bool backupBeforeMigration = true;
    // How long a write waits for another connection's write to finish.
    int busyTimeoutMs = 5000;
    // The cache's key (sqlite::KeyBytes bytes; CacheKeys keeps it): the file,
    // its WAL and its backups are encrypted with it, and a plain cache found
    // at the path is encrypted in place first. Empty: a plain cache, which
    // only an explicit choice may ask for (docs/cache.md, "Encryption at
    // rest"). Every connection to one file passes the same key.
    QByteArray key;
};

// The local SQLite cache: the UI's source of truth (DESIGN.md §4). One
// LocalCache is one connection; the sync engine opens its own on the same
// file (WAL lets readers and one writer work at once). Not thread-safe.
//
// Every method throws CacheError with a message for the user; nothing is
// ever overwritten without a backup. See docs/cache.md.
class LocalCache final
{
public:
    // Opens (creating if needed) the cache at path, migrating it to the
    // latest schema. Refuses, untouched: a file that is not a database, a
    // database of another program, one from a newer RegionDesk.
    static std::unique_ptr<LocalCache> open(const QString &path, const CacheOptions &options = {});
    // Whether open() would first encrypt a plain cache (options has a key).
    static bool needsEncrypting(const QString &path, const CacheOptions &options);
    // What open() does first for a plain cache met with a key, for a caller
    // that shows progress (a worker thread; *cancel stops it, the file
    // untouched): the cache and the backups beside it encrypted in place.
    // Throws CacheError.
    static void encrypt(const QString &path, const QByteArray &key,
                        const std::atomic<bool> *cancel = nullptr);

    struct Recovery
    {
        QString backupPath;
        int draftsRecovered = 0;
        int actionsRecovered = 0;
    };
    // For a damaged cache: renames the file (and its -wal/-shm) aside as a
    // backup, creates a fresh cache at path, and carries over the drafts and
    // outbox actions that can still be read from the backup.
    static Recovery setAsideAndRecreate(const QString &path, const CacheOptions &options = {});

    // Signing out with a wipe (docs/cache.md, "Wipe"): removes the SQLite
    // file at path with its journal, WAL, staging copy and every backup
    // beside it (for the cache or its photo cache; the key is CacheKeys').
    // No connection may be open on it. Returns the files it could not
    // remove (empty: all gone).
    static QStringList wipe(const QString &path);

    ~LocalCache();
    Q_DISABLE_COPY_MOVE(LocalCache)

    static int latestSchemaVersion();
    int schemaVersion();
    const QString &path() const;
    // What open() was given: another connection to this file (the sync
    // engine's, a report's worker) opens with these, the key included.
    const CacheOptions &options() const { return m_options; }
    bool isEncrypted() const;
    // The backup made before the last migration at open(), if any.
    const QString &migrationBackup() const { return m_migrationBackup; }

    ComplaintStore &complaints() { return *m_complaints; }
    QueueReader &queue() { return *m_queue; }
    ReportReader &reports() { return *m_reports; }
    SearchIndex &search() { return *m_search; }
    BulkLoad &bulkLoad() { return *m_bulkLoad; }
    MediaStore &media() { return *m_media; }
    CatalogueStore &catalogue() { return *m_catalogue; }
    GeographyStore &geography() { return *m_geography; }
    DraftStore &drafts() { return *m_drafts; }
    OutboxStore &outbox() { return *m_outbox; }
    TileStore &tiles() { return *m_tiles; }

    SyncState syncState();
    void saveSyncState(const SyncState &state);

    // Retention (docs/cache.md, "Retention"): closed complaints unchanged
    // for `months` months before `now` leave the cache with their photos
    // (ComplaintStore::expireClosed), and the period the cache covers is
    // recorded; months 0 keeps everything. Returns the ids that left.
    QList<qint64> applyRetention(const QDateTime &now, int months);
    // Copies the WAL into the file and empties it (after removals: no old
    // page waits there). Outside a transaction; a busy reader only delays it.
    void checkpoint();
    // What the cache covers, as the last applyRetention() left it: reports
    // say so.
    struct Coverage
    {
        int retentionMonths = 0; // 0: nothing was ever removed by age
        QDateTime closedBefore;  // complaints closed and unchanged before this are gone
        bool isLimited() const { return retentionMonths > 0 && closedBefore.isValid(); }
    };
    Coverage coverage();

    // Small named values of the cache's owner (the sync engine): who the
    // cache belongs to, whether a resync is under way. Empty when unset.
    QString meta(const QString &key);
    void setMeta(const QString &key, const QString &value);

    // The user the cache was last synchronised for, as the server named them
    // (the desk and `regiondesk sync` record it): who a report made from the
    // cache alone is by, and which agency it can be about.
    struct User
    {
        QString login;
        QString displayName;
        std::optional<qint64> agencyId; // none: every agency (or not known)
        bool isKnown() const { return !login.isEmpty(); }
    };
    User user();
    void setUser(const User &user);

    // Test seam: see sqlite::Database::setFaultHook.
    void setFaultHook(std::function<bool()> hook);

    // SQLite's quick_check: empty when the file is sound, else its findings.
    QStringList quickCheck();

    // Makes several writes one atomic unit (a sync page and its cursor; a
    // user action and its outbox row). Rolls back unless commit() is called.
    class WriteTransaction final
    {
    public:
        explicit WriteTransaction(LocalCache &cache);
        ~WriteTransaction();
        Q_DISABLE_COPY_MOVE(WriteTransaction)
        void commit();

    private:
        std::unique_ptr<sqlite::Transaction> m_transaction;
    };

private:
    LocalCache(std::unique_ptr<sqlite::Database> db, QString migrationBackup, CacheOptions options);

    std::unique_ptr<sqlite::Database> m_db;
    std::unique_ptr<SearchIndex> m_search;
    std::unique_ptr<ComplaintStore> m_complaints;
    std::unique_ptr<BulkLoad> m_bulkLoad;
    std::unique_ptr<QueueReader> m_queue;
    std::unique_ptr<ReportReader> m_reports;
    std::unique_ptr<MediaStore> m_media;
    std::unique_ptr<CatalogueStore> m_catalogue;
    std::unique_ptr<GeographyStore> m_geography;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<TileStore> m_tiles;
    QString m_migrationBackup;
    CacheOptions m_options;
};

} // namespace rd
