// The server stores' migration ladders (SqliteServerStore, PgServerStore):
// a database of the server before Open311's step (complaints filed and
// published there) migrates, and its published complaints are listed by
// the indexed Open311 query of that step; writes after the migration keep
// the generated columns true. A database from before the quotas' step
// migrates and counts uploads and client events. On SQLite, or as tst_serverschema_pg on the
// test cluster.

#include "PgServerStore.h"
#include "ServerStore.h"
#include "SqliteServerStore.h"
#include "TestServer.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace rd;
using namespace rd::server;
using rd::test::storeArguments;
using rd::test::testsPostgres;

namespace {

Complaint complaint(qint64 id, ComplaintState state, const QDateTime &filed, bool published)
{
    Complaint c;
    c.id = id;
    c.version = 1;
    c.state = state;
    c.categoryId = 1;
    c.agencyId = state == ComplaintState::Moderation ? std::nullopt : std::optional<int>(1);
    c.text = QStringLiteral("Яма %1").arg(id);
    c.address = QStringLiteral("ул. Ленина, %1").arg(id);
    c.latitude = 54.98;
    c.longitude = 73.37;
    c.createdAt = filed;
    c.updatedAt = filed;
    if (published)
        c.publishedAt = filed.addSecs(3600);
    return c;
}

// The store on dir, migrated only to schemaVersion (-1: the latest).
std::unique_ptr<ServerStore> openStore(const QString &dir, int schemaVersion)
{
    if (testsPostgres()) {
        const QStringList arguments = storeArguments(dir);
        const QString uri = arguments.value(arguments.indexOf(QStringLiteral("--database")) + 1);
        return std::make_unique<PgServerStore>(uri, schemaVersion);
    }
    return std::make_unique<SqliteServerStore>(dir + QStringLiteral("/server.sqlite"),
                                               schemaVersion);
}

// The step before Open311's on each ladder.
int beforeOpen311()
{
    return testsPostgres() ? 2 : 3;
}

// The step before the quotas' on each ladder.
int beforeQuotas()
{
    return testsPostgres() ? 3 : 4;
}

} // namespace

class TestServerSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void databaseBeforeOpen311Migrates()
    {
        QTemporaryDir dir;
        const QDateTime filed = QDateTime::currentDateTimeUtc().addDays(-3);
        {
            // The server before Open311's step, with complaints written there.
            const std::unique_ptr<ServerStore> old = openStore(dir.path(), beforeOpen311());
            QCOMPARE(old->schemaVersion(), beforeOpen311());
            const struct
            {
                qint64 id;
                ComplaintState state;
                bool published;
            } rows[] = {{1, ComplaintState::Published, true},
                        {2, ComplaintState::Moderation, false},
                        {3, ComplaintState::Duplicate, false},
                        {4, ComplaintState::Solved, true}};
            for (const auto &row : rows)
                old->write(complaint(row.id, row.state, filed, row.published), {});
        }
        const std::unique_ptr<ServerStore> opened = openStore(dir.path(), -1);
        ServerStore &store = *opened;
        QVERIFY(store.schemaVersion() > beforeOpen311());
        ServerStore::Open311Query query;
        query.states = allComplaintStates();
        query.filedFrom = filed.addDays(-1);
        query.filedTo = filed.addDays(1);
        QList<qint64> ids;
        for (const StoredComplaint &s : store.open311Requests(query))
            ids.append(s.complaint.id);
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids, (QList<qint64>{1, 4})); // published ones only
        query.states = {ComplaintState::Solved};
        QCOMPARE(store.open311Requests(query).size(), 1);
        query.filedFrom = filed.addSecs(1);
        query.states = allComplaintStates();
        QVERIFY(store.open311Requests(query).isEmpty()); // the window holds
        // A write after the migration keeps the generated columns true.
        Complaint back = store.complaint(1)->complaint;
        back.state = ComplaintState::Moderation;
        back.publishedAt = {};
        store.write(back, {});
        query.filedFrom = filed.addDays(-1);
        QCOMPARE(store.open311Requests(query).size(), 1);
    }

    void databaseBeforeQuotasMigrates()
    {
        QTemporaryDir dir;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            const std::unique_ptr<ServerStore> old = openStore(dir.path(), beforeQuotas());
            QCOMPARE(old->schemaVersion(), beforeQuotas());
            old->write(complaint(1, ComplaintState::Published, now.addDays(-1), true), {});
        }
        const std::unique_ptr<ServerStore> store = openStore(dir.path(), -1);
        QVERIFY(store->schemaVersion() > beforeQuotas());
        QCOMPARE(store->lastChangeAt(), std::optional<QDateTime>(now.addDays(-1)));
        const QDateTime since = now.addSecs(-3600);
        store->recordUpload({QStringLiteral("e1-a"), 7, 1000, now.addSecs(-60)}, since);
        store->recordUpload({QStringLiteral("e1-b"), 7, 500, now}, since);
        store->recordUpload({QStringLiteral("e1-c"), 8, 900, now}, since);
        QCOMPARE(store->uploadedBytes(7, since), 1500);
        QCOMPARE(store->uploadedBytesReach(7, since, 1200), std::optional<QDateTime>(now));
        QCOMPARE(store->uploadedBytesReach(7, since, 1501), std::nullopt);
        store->attachUploads({QStringLiteral("e1-a")});
        QCOMPARE(store->unattachedUploads(7, since, 10), QList<QDateTime>{now});
        store->recordClientEvent(QStringLiteral("vote"), QStringLiteral("10.0.0.1"),
                                 now.addSecs(-7200), now.addSecs(-9000));
        store->recordClientEvent(QStringLiteral("vote"), QStringLiteral("10.0.0.1"), now, since);
        QCOMPARE(store->clientEvents(QStringLiteral("vote"), QStringLiteral("10.0.0.1"),
                                     now.addSecs(-10'000), 10),
                 QList<QDateTime>{now}); // the older one was forgotten
        QVERIFY(store->clientEvents(QStringLiteral("filing"), QStringLiteral("10.0.0.1"), since, 10)
                    .isEmpty());
    }

    void migratedDatabaseOpensAgainUnchanged()
    {
        QTemporaryDir dir;
        int version = 0;
        {
            const std::unique_ptr<ServerStore> store = openStore(dir.path(), -1);
            version = store->schemaVersion();
            store->write(
                complaint(7, ComplaintState::Published, QDateTime::currentDateTimeUtc(), true), {});
        }
        const std::unique_ptr<ServerStore> again = openStore(dir.path(), -1);
        QCOMPARE(again->schemaVersion(), version);
        QCOMPARE(again->complaintsByIds({7}).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestServerSchema)
#include "tst_serverschema.moc"
