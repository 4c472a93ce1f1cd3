// The city's outlines for the map come with a sync (docs/api.md
// "Geography"): the first sync brings them into the cache, later ones ask
// with the ETag and rewrite nothing; a broken answer keeps what the cache
// had, says what went wrong for the map to show, and stops none of the
// clerk's work.

#include "OmskGeography.h"
#include "SyncHarness.h"

#include <QSignalSpy>
#include <QTest>

using namespace rd;
using namespace rd::test;

class TestSyncGeography : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    void fault(const QString &kind)
    {
        m_server->hook(QStringLiteral("faults"),
                       {{QStringLiteral("kind"), kind},
                        {QStringLiteral("path"), QStringLiteral("/api/v1/geography")},
                        {QStringLiteral("count"), 1}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(80);
        QVERIFY2(m_server->isRunning(), "regiondesk-server did not start");
    }
    void cleanup()
    {
        m_server->hook(QStringLiteral("faults"), {{QStringLiteral("kind"), QStringLiteral("none")},
                                                  {QStringLiteral("path"), QStringLiteral("/")}});
    }

    void theCityComesWithTheFirstSync()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QSignalSpy changed(&clerk.engine(), &SyncEngine::geographyChanged);
        const SyncResult first = clerk.syncOnce();
        QVERIFY2(first.succeeded(), qPrintable(first.message));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(clerk.cache().geography().load(), demo::omskGeography());
        const QString etag = clerk.cache().geography().etag();
        QVERIFY(!etag.isEmpty());
        QVERIFY(clerk.cache().geography().problem().isEmpty());

        // Asked again with the ETag: 304, nothing rewritten.
        const SyncResult second = clerk.syncOnce();
        QVERIFY2(second.succeeded(), qPrintable(second.message));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(clerk.cache().geography().etag(), etag);

        // Offline, another connection (the desk's next start) has it all.
        auto later = LocalCache::open(clerk.cachePath());
        QCOMPARE(later->geography().load(), demo::omskGeography());
    }

    void aBrokenAnswerKeepsWhatWasThereAndSaysSo_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addRow("half a body") << QStringLiteral("malformed_json");
        QTest::addRow("a server error") << QStringLiteral("error_after_commit");
    }
    void aBrokenAnswerKeepsWhatWasThereAndSaysSo()
    {
        QFETCH(QString, kind);
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const Geography before = clerk.cache().geography().load();
        QVERIFY(!before.isEmpty());
        // An older copy, so that the server sends the whole again: broken.
        clerk.cache().geography().replace(before, QStringLiteral("\"older\""));
        const qint64 id = clerk.take(QStringLiteral("published"), 1);
        QVERIFY(id);
        m_server->act(id,
                      actionBody(QStringLiteral("note"), clerk.serverVersion(id),
                                 {{QStringLiteral("text"), QStringLiteral("Проверено на месте.")}}),
                      clerk.token());
        fault(kind);
        QSignalSpy changed(&clerk.engine(), &SyncEngine::geographyChanged);
        const SyncResult broken = clerk.syncOnce();
        QVERIFY2(broken.succeeded(), qPrintable(broken.message)); // the work goes on
        QCOMPARE(clerk.localVersions(), clerk.serverVersions());
        QCOMPARE(clerk.cache().geography().load(), before);
        const QString problem = clerk.cache().geography().problem();
        QVERIFY2(problem.contains(QStringLiteral("outlines")), qPrintable(problem));
        QCOMPARE(changed.size(), 1);

        // The next good answer clears it.
        const SyncResult good = clerk.syncOnce();
        QVERIFY2(good.succeeded(), qPrintable(good.message));
        QVERIFY(clerk.cache().geography().problem().isEmpty());
        QCOMPARE(clerk.cache().geography().load(), demo::omskGeography());
        QCOMPARE(changed.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncGeography)
#include "tst_syncgeography.moc"
