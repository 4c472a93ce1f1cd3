#pragma once

#include "LocalCache.h"
#include "SyncEngine.h"
#include "TestServer.h"

#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

namespace rd::test {

// One client of the reference server: a cache in a temporary folder, a sync
// engine on it (its own connection), and a second connection for looking at
// the cache as the UI would. Reads like Nextcloud's FakeFolder:
//     QVERIFY(client.syncOnce().succeeded());
//     QCOMPARE(client.localVersions(), client.serverVersions());
class SyncClient
{
public:
    SyncClient(TestServer &server, const QString &login, SyncEngine::Options options = {},
               QNetworkAccessManager *network = nullptr, const QString &cachePath = {});
    ~SyncClient();

    SyncResult syncOnce(int timeoutMs = 120'000);
    SyncEngine &engine() { return *m_engine; }
    LocalCache &cache(); // the "UI" connection, opened on first use
    const QString &cachePath() const { return m_cachePath; }
    QByteArray token() const { return m_token; }
    void setToken(const QByteArray &token);

    // The engine's clock runs this far ahead of the real one (makes backoff
    // delays pass without waiting).
    void setClockOffsetSeconds(qint64 seconds) { m_clock->setOffsetSeconds(seconds); }

    // id → version of everything in this user's scope, as the server has it.
    QHash<qint64, qint64> serverVersions();
    QHash<qint64, qint64> localVersions() { return cache().complaints().versions(); }
    QList<QJsonObject> serverRecords();
    // A complaint in this user's scope in the given state (not yet taken by
    // this client), or 0.
    qint64 take(const QString &state, std::optional<qint64> agency = std::nullopt);

    // How many times the server's history of id shows action.
    int serverHistoryCount(qint64 id, const QString &action);
    // The server's current version of id (moderator's view).
    qint64 serverVersion(qint64 id);

private:
    TestServer &m_server;
    QString m_login;
    QByteArray m_token;
    QTemporaryDir m_dir;
    QString m_cachePath;
    std::unique_ptr<ShiftedClock> m_clock = std::make_unique<ShiftedClock>();
    QNetworkAccessManager m_ownNetwork;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<LocalCache> m_cache;
    QSet<qint64> m_taken;
};

// One action as the server wants it, with the complaint's current version.
QJsonObject actionBody(const QString &action, qint64 baseVersion, const QJsonObject &fields = {});

} // namespace rd::test
