// The desk's on-demand requests against the reference server on loopback: a
// complaint's history fetched into the cache (and kept when the server's
// answer is bad or the server is gone), evidence photos checked on disk and
// uploaded, with every failure explained and nothing in the cache changed.

#include "ApiJson.h"
#include "Connection.h"
#include "DeskClient.h"
#include "FaultyNetwork.h"
#include "LocalCache.h"
#include "TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace rd;
using rd::test::FaultyNetwork;
using rd::test::TestServer;

namespace {

// A 2 × 2 RGB PNG (made with zlib and CRC-32 by hand, not by us at runtime).
const QByteArray Png = QByteArray::fromRawData(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00\x00"
    "\x02\x08\x02\x00\x00\x00\xfd\xd4\x9a\x73\x00\x00\x00\x11\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf"
    "\xc0\xc0\xf0\x1f\x8c\x80\x18\x00\x1d\xf0\x03\xfd\xd3\xd0\x7d\x26\x00\x00\x00\x00\x49\x45\x4e"
    "\x44\xae\x42\x60\x82",
    74);

} // namespace

class TestDeskClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QByteArray m_token;
    QList<Complaint> m_mine; // agency 1's, as the clerk sees them
    qint64 m_foreign = 0;    // another agency's
    QTemporaryDir m_dir;
    int m_caches = 0;

    std::unique_ptr<LocalCache> newCache()
    {
        auto cache =
            LocalCache::open(m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_caches)));
        cache->complaints().upsert(m_mine);
        return cache;
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static QList<HistoryEntry> someHistory(qint64 id)
    {
        HistoryEntry entry;
        entry.complaintId = id;
        entry.seq = 1;
        entry.at = QDateTime(QDate(2026, 11, 1), QTime(9, 0), QTimeZone::utc());
        entry.actor = QStringLiteral("Модератор");
        entry.action = QStringLiteral("publish");
        entry.newValue = QStringLiteral("1");
        return {entry};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>(200);
        QVERIFY(m_server->isRunning());
        m_token = m_server->signIn(QStringLiteral("clerk"));
        for (const QJsonObject &record : m_server->pullAll(m_token).records) {
            const auto parsed = ApiJson::complaintFromJson(record);
            QVERIFY2(parsed, qPrintable(parsed.error.toString()));
            m_mine.append(parsed.value->complaint);
        }
        QVERIFY(m_mine.size() >= 3);
        const QByteArray chief = m_server->signIn(QStringLiteral("chief"));
        for (const QJsonObject &record : m_server->pullAll(chief).records) {
            if (record.value(QStringLiteral("agency_id")).toInteger() > 1) {
                m_foreign = record.value(QStringLiteral("id")).toInteger();
                break;
            }
        }
        QVERIFY(m_foreign > 0);
    }

    void historyIsFetchedIntoTheCache()
    {
        auto cache = newCache();
        QNetworkAccessManager network;
        Connection clientConnection;
        clientConnection.setSession(QUrl(m_server->baseUrl()), QStringLiteral("clerk"), m_token);
        DeskClient client(&network, *cache, clientConnection);
        QSignalSpy updated(&client, &DeskClient::historyUpdated);
        const qint64 id = m_mine.first().id;
        QVERIFY(cache->media().history(id).isEmpty());
        client.fetchHistory(id);
        QVERIFY(updated.wait());
        QCOMPARE(updated.first().at(0).toLongLong(), id);
        const QList<HistoryEntry> history = cache->media().history(id);
        QVERIFY(!history.isEmpty());
        QCOMPARE(history.first().action, QStringLiteral("file"));
    }

    // Bad answers and no server: a clear message, the cached history stays.
    void historyFailuresKeepTheCachedHistory_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << QByteArray("<html>proxy error</html>")
                                  << QStringLiteral("cannot be read");
        QTest::newRow("no entries")
            << QByteArray(R"({"items": []})") << QStringLiteral("cannot be read");
        QTest::newRow("entry without time")
            << QByteArray(R"({"entries": [{"actor": "x", "action": "publish"}]})")
            << QStringLiteral("entries[0]");
        QTest::newRow("server gone") << QByteArray() << QStringLiteral("cannot be reached");
    }
    void historyFailuresKeepTheCachedHistory()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        auto cache = newCache();
        const qint64 id = m_mine.at(1).id;
        cache->media().replaceHistory(id, someHistory(id));
        FaultyNetwork network;
        network.hook = [body](int, const QString &path, FaultyNetwork::Change &change) {
            if (!path.endsWith(QLatin1String("/history")))
                return false;
            change.rewrite = [body](const QByteArray &) { return body; };
            return true;
        };
        Connection connection;
        connection.setSession(body.isEmpty() ? QUrl(QStringLiteral("http://127.0.0.1:1"))
                                             : QUrl(m_server->baseUrl()),
                              QStringLiteral("clerk"), m_token);
        DeskClient client(&network, *cache, connection);
        QSignalSpy failed(&client, &DeskClient::historyFailed);
        QSignalSpy updated(&client, &DeskClient::historyUpdated);
        client.fetchHistory(id);
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toLongLong(), id);
        QVERIFY2(failed.first().at(1).toString().contains(message),
                 qPrintable(failed.first().at(1).toString()));
        QCOMPARE(updated.count(), 0);
        QCOMPARE(cache->media().history(id), someHistory(id));
    }

    void historyOutsideTheScopeIsRefused()
    {
        auto cache = newCache();
        QNetworkAccessManager network;
        Connection clientConnection;
        clientConnection.setSession(QUrl(m_server->baseUrl()), QStringLiteral("clerk"), m_token);
        DeskClient client(&network, *cache, clientConnection);
        QSignalSpy failed(&client, &DeskClient::historyFailed);
        client.fetchHistory(m_foreign);
        QVERIFY(failed.wait());
        QVERIFY(!failed.first().at(1).toString().isEmpty());
        QVERIFY(cache->media().history(m_foreign).isEmpty());
    }

    void evidenceIsCheckedOnDisk()
    {
        const auto ok = DeskClient::checkEvidence(writeFile(QStringLiteral("ok.png"), Png));
        QVERIFY2(ok, qPrintable(ok.error.toString()));
        QCOMPARE(ok.value->bytes, Png);
        QCOMPARE(ok.value->mimeType, QStringLiteral("image/png"));
        // Named like a photo, but text.
        const QString text =
            DeskClient::checkEvidence(
                writeFile(QStringLiteral("акт.jpg"), QByteArray("Акт выполненных работ").toUpper()))
                .error.toString();
        QVERIFY2(text.contains(QStringLiteral("акт.jpg")) && text.contains(QLatin1String("JPEG")),
                 qPrintable(text));
        // A real PNG header and 6 MB of data.
        const QString large =
            DeskClient::checkEvidence(
                writeFile(QStringLiteral("large.png"), Png + QByteArray(6 * 1024 * 1024, '\0')))
                .error.toString();
        QVERIFY2(large.contains(QLatin1String("5 MB")), qPrintable(large));
        const QString missing =
            DeskClient::checkEvidence(m_dir.filePath(QStringLiteral("absent.png")))
                .error.toString();
        QVERIFY2(missing.contains(QStringLiteral("absent.png")), qPrintable(missing));
        QVERIFY(!DeskClient::checkEvidence(writeFile(QStringLiteral("empty.png"), {})));
    }

    void evidenceIsUploadedAndNamedInTheAnswer()
    {
        auto cache = newCache();
        QNetworkAccessManager network;
        Connection clientConnection;
        clientConnection.setSession(QUrl(m_server->baseUrl()), QStringLiteral("clerk"), m_token);
        DeskClient client(&network, *cache, clientConnection);
        QSignalSpy uploaded(&client, &DeskClient::evidenceUploaded);
        const Complaint &target = m_mine.at(2);
        const QString path = writeFile(QStringLiteral("fixed.png"), Png);
        client.uploadEvidence(target.id, path);
        QVERIFY(uploaded.wait());
        QCOMPARE(uploaded.first().at(1).toString(), path);
        const auto photo = uploaded.first().at(2).value<Photo>();
        QVERIFY(!photo.id.isEmpty());
        QVERIFY(photo.evidence);
        QCOMPARE(photo.mimeType, QStringLiteral("image/png"));
        // The server takes the id in a "solved" answer.
        const auto answer = m_server->act(
            target.id,
            {{QStringLiteral("action"), QStringLiteral("solve")},
             {QStringLiteral("base_version"),
              m_server->complaint(target.id, m_token).value(QStringLiteral("version")).toInteger()},
             {QStringLiteral("text"), QStringLiteral("Яма заделана, фото приложено.")},
             {QStringLiteral("photo_ids"), QJsonArray{photo.id}}},
            m_token);
        QVERIFY2(answer.status == 200, answer.body.constData());
    }

    void evidenceFailuresAreExplained()
    {
        auto cache = newCache();
        const qint64 id = m_mine.at(1).id;
        FaultyNetwork network;
        network.hook = [](int, const QString &path, FaultyNetwork::Change &change) {
            if (!path.endsWith(QLatin1String("/photos")))
                return false;
            change.rewrite = [](const QByteArray &) { return QByteArray("{}"); };
            return true;
        };
        Connection connection; // offline at first
        DeskClient client(&network, *cache, connection);
        QSignalSpy failed(&client, &DeskClient::evidenceFailed);
        const QString good = writeFile(QStringLiteral("good.png"), Png);
        // Offline: it says so (the photo goes with the answer's upload).
        client.uploadEvidence(id, good);
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.last().at(2).toString().contains(QStringLiteral("online")));
        // Not a photo: refused before any request.
        connection.setSession(QUrl(m_server->baseUrl()), QStringLiteral("clerk"), m_token);
        client.uploadEvidence(id, writeFile(QStringLiteral("notes.png"), "just text"));
        QCOMPARE(failed.count(), 2);
        QCOMPARE(network.requests(QStringLiteral("/api/v1/complaints/%1/photos").arg(id)), 0);
        // The server's answer has no id.
        client.uploadEvidence(id, good);
        QVERIFY(failed.wait());
        QVERIFY(failed.last().at(2).toString().contains(QStringLiteral("cannot be read")));
        // Another agency's complaint: the server refuses, the reason is shown.
        QNetworkAccessManager plain;
        Connection directConnection;
        directConnection.setSession(QUrl(m_server->baseUrl()), QStringLiteral("clerk"), m_token);
        DeskClient direct(&plain, *cache, directConnection);
        QSignalSpy refused(&direct, &DeskClient::evidenceFailed);
        direct.uploadEvidence(m_foreign, good);
        QVERIFY(refused.wait());
        QVERIFY(!refused.first().at(2).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeskClient)
#include "tst_deskclient.moc"
