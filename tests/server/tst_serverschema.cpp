// The server store's migration ladder (server/src/ServerSchema.h): a
// database of the server before the ladder (version 0, the step-1 tables)
// opens, migrates, and its published complaints are listed by the indexed
// Open311 query of step 2; a newer database is refused.

#include "ApiJson.h"
#include "ServerSchema.h"
#include "ServerStore.h"
#include "sqlite/Database.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::server;

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

} // namespace

class TestServerSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionZeroDatabaseMigrates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("server.sqlite"));
        const QDateTime filed = QDateTime::currentDateTimeUtc().addDays(-3);
        {
            // The server before the ladder: its tables, user_version 0.
            sqlite::Database db(path, sqlite::Database::OpenMode::ReadWriteCreate);
            ServerSchema::migrate(db, 1);
            db.exec(QStringLiteral("PRAGMA user_version = 0"));
            const struct
            {
                qint64 id;
                ComplaintState state;
                bool published;
            } rows[] = {{1, ComplaintState::Published, true},
                        {2, ComplaintState::Moderation, false},
                        {3, ComplaintState::Duplicate, false},
                        {4, ComplaintState::Solved, true}};
            for (const auto &row : rows) {
                const Complaint c = complaint(row.id, row.state, filed, row.published);
                db.prepare(QStringLiteral("INSERT INTO complaints (id, seq, version, state, "
                                          "agency_id, body, author) VALUES (?1, ?1, 1, ?2, ?3, "
                                          "?4, '{}')"))
                    .bind(1, c.id)
                    .bind(2, toCode(c.state))
                    .bind(3, c.agencyId)
                    .bind(4,
                          QString::fromUtf8(QJsonDocument(ApiJson::complaintToJson(c, {}, {false}))
                                                .toJson(QJsonDocument::Compact)))
                    .run();
            }
        }
        ServerStore store(path);
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

    void newerDatabaseRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("server.sqlite"));
        {
            sqlite::Database db(path, sqlite::Database::OpenMode::ReadWriteCreate);
            db.exec(QStringLiteral("PRAGMA user_version = 99"));
        }
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, ServerStore store(path));
    }
};

QTEST_GUILESS_MAIN(TestServerSchema)
#include "tst_serverschema.moc"
