// What a sync asks the server for (docs/api.md, "The changes feed"), and
// when the desk sees it: the queue fills page by page; a poll
// with nothing new is one request, the feed page; the catalogue and the
// city's outlines are asked for again only when the feed's last page names
// other ETags than the cache has (an administrator changed the catalogue),
// before the first page only when the cache has no catalogue, and before
// actions are sent (a revalidation, 304, that finds a dead link or an ended
// session before an action is tried).

#include "SyncHarness.h"
#include "UserActions.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>

#include <algorithm>

using namespace rd;
using rd::test::SyncClient;
using rd::test::TestServer;

namespace {

bool hasRejectReason(LocalCache &cache, const QString &code)
{
    const Catalogue catalogue = cache.catalogue().load();
    return std::any_of(catalogue.rejectReasons.cbegin(), catalogue.rejectReasons.cend(),
                       [&code](const RejectReason &reason) { return reason.code == code; });
}

// The paths a network manager asked for, in the order they finished.
class Requests
{
public:
    explicit Requests(QNetworkAccessManager &network)
    {
        QObject::connect(&network, &QNetworkAccessManager::finished, &network,
                         [this](QNetworkReply *reply) {
                             m_paths.append(reply->url().path() + QLatin1Char(' ') +
                                            QString::number(ApiClient::statusOf(reply)));
                         });
    }
    QStringList take() { return std::exchange(m_paths, {}); }

private:
    QStringList m_paths;
};

} // namespace

class TestSyncPoll : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    int admin(const QStringList &arguments)
    {
        QProcess p;
        p.start(QStringLiteral(REGIONDESK_SERVER_BINARY),
                QStringList{QStringLiteral("admin")} +
                    rd::test::storeArguments(m_server->dataDir()) + arguments);
        p.waitForStarted();
        p.closeWriteChannel();
        p.waitForFinished(60000);
        return p.exitCode();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(300);
        QVERIFY(m_server->isRunning());
    }

    void aFirstSyncTakesTheCatalogueFirstAndTheOutlinesAfterThePages()
    {
        QNetworkAccessManager network;
        Requests requests(network);
        SyncClient clerk(*m_server, QStringLiteral("clerk"), {}, &network);
        const SyncResult result = clerk.syncOnce();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        const QStringList paths = requests.take();
        QCOMPARE(paths.first(), QStringLiteral("/api/v1/catalogue 200"));
        QCOMPARE(paths.last(), QStringLiteral("/api/v1/geography 200"));
        QVERIFY(paths.contains(QStringLiteral("/api/v1/changes 200")));
        QVERIFY(!clerk.cache().geography().load().isEmpty());
    }

    void theQueueFillsAsPagesLand()
    {
        // Each page is committed as it lands: the queue shows complaints
        // long before the last page (what the desk shows first).
        SyncEngine::Options pages;
        pages.pageLimit = 50;
        SyncClient moderator(*m_server, QStringLiteral("moderator"), pages);
        qint64 seenAtFirstPage = -1;
        bool finishedAtFirstPage = true;
        bool finished = false;
        connect(&moderator.engine(), &SyncEngine::finished, this, [&] { finished = true; });
        connect(&moderator.engine(), &SyncEngine::complaintsChanged, this, [&] {
            if (seenAtFirstPage < 0) {
                seenAtFirstPage = moderator.cache().complaints().count();
                finishedAtFirstPage = finished;
            }
        });
        const SyncResult result = moderator.syncOnce();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        const qint64 total = moderator.cache().complaints().count();
        QVERIFY(total >= 300);
        QVERIFY(!finishedAtFirstPage);
        QVERIFY2(seenAtFirstPage > 0 && seenAtFirstPage < total,
                 qPrintable(QStringLiteral("%1 of %2").arg(seenAtFirstPage).arg(total)));
    }

    void aPollWithNothingNewIsOneRequest()
    {
        QNetworkAccessManager network;
        Requests requests(network);
        SyncClient clerk(*m_server, QStringLiteral("clerk"), {}, &network);
        QVERIFY(clerk.syncOnce().succeeded());
        requests.take();
        for (int i = 0; i < 3; ++i) {
            const SyncResult poll = clerk.syncOnce();
            QVERIFY2(poll.succeeded(), qPrintable(poll.message));
            QCOMPARE(requests.take(), QStringList{QStringLiteral("/api/v1/changes 200")});
        }
    }

    void aChangedCatalogueIsTakenAfterThePull()
    {
        QNetworkAccessManager network;
        Requests requests(network);
        SyncClient moderator(*m_server, QStringLiteral("moderator"), {}, &network);
        QVERIFY(moderator.syncOnce().succeeded());
        QVERIFY(!hasRejectReason(moderator.cache(), QStringLiteral("advert")));
        requests.take();
        QCOMPARE(
            admin({QStringLiteral("reject-reasons"), QStringLiteral("add"),
                   QStringLiteral("advert"), QStringLiteral("--title"), QStringLiteral("Реклама")}),
            0);
        // Each worker looks at the catalogue again before a job once a
        // second; then the feed's pages name the new one and the desk asks
        // for it (the outlines did not change: not asked for).
        QTest::qWait(1100);
        QVERIFY(moderator.syncOnce().succeeded());
        QCOMPARE(requests.take(), (QStringList{QStringLiteral("/api/v1/changes 200"),
                                               QStringLiteral("/api/v1/catalogue 200")}));
        QVERIFY(hasRejectReason(moderator.cache(), QStringLiteral("advert")));
        QVERIFY(moderator.syncOnce().succeeded());
        QCOMPARE(requests.take(), QStringList{QStringLiteral("/api/v1/changes 200")});
    }

    void actionsToSendRevalidateTheCatalogueFirst()
    {
        QNetworkAccessManager network;
        Requests requests(network);
        SyncClient clerk(*m_server, QStringLiteral("clerk"), {}, &network);
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 id = clerk.take(QStringLiteral("published"), 1);
        QVERIFY(id > 0);
        UserActions actions(clerk.cache());
        actions.submit(id, QStringLiteral("note"),
                       QJsonObject{{QStringLiteral("text"), QStringLiteral("Проверено на месте.")}},
                       clerk.localVersions().value(id));
        requests.take();
        const SyncResult result = clerk.syncOnce();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(result.actionsDone, 1);
        const QStringList paths = requests.take();
        QCOMPARE(paths.value(0), QStringLiteral("/api/v1/catalogue 304"));
        QVERIFY(paths.value(1).startsWith(QStringLiteral("/api/v1/complaints/")));
        QCOMPARE(paths.value(2), QStringLiteral("/api/v1/changes 200"));
    }
};

QTEST_GUILESS_MAIN(TestSyncPoll)
#include "tst_syncpoll.moc"
