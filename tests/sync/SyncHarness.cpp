#include "SyncHarness.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace rd::test {

SyncClient::SyncClient(TestServer &server, const QString &login, SyncEngine::Options options,
                       QNetworkAccessManager *network, const QString &cachePath)
    : m_server(server)
    , m_login(login)
    , m_cachePath(cachePath.isEmpty() ? m_dir.filePath(QStringLiteral("cache.sqlite")) : cachePath)
{
    m_token = server.signIn(login);
    if (!options.clock || options.clock == &Clock::system())
        options.clock = m_clock.get();
    if (options.transferTimeoutMs == 30'000)
        options.transferTimeoutMs = 20'000;
    m_engine = std::make_unique<SyncEngine>(m_cachePath, network ? network : &m_ownNetwork,
                                            std::move(options));
    m_engine->setSession(QUrl(server.baseUrl()), m_token,
                         server.baseUrl() + QLatin1Char('|') + login);
}

SyncClient::~SyncClient() = default;

void SyncClient::setToken(const QByteArray &token)
{
    m_token = token;
    m_engine->setSession(QUrl(m_server.baseUrl()), m_token,
                         m_server.baseUrl() + QLatin1Char('|') + m_login);
}

LocalCache &SyncClient::cache()
{
    if (!m_cache)
        m_cache = LocalCache::open(m_cachePath);
    return *m_cache;
}

SyncResult SyncClient::syncOnce(int timeoutMs)
{
    QSignalSpy finished(m_engine.get(), &SyncEngine::finished);
    if (!m_engine->start()) {
        qWarning("a sync is running already");
        SyncResult busy;
        busy.outcome = SyncResult::Outcome::ServerError;
        busy.message = QStringLiteral("busy");
        return busy;
    }
    if (finished.isEmpty() && !finished.wait(timeoutMs)) {
        qWarning("sync did not finish in time");
        m_engine->cancel();
        SyncResult late;
        late.outcome = SyncResult::Outcome::Cancelled;
        late.message = QStringLiteral("timed out in the test");
        return late;
    }
    return finished.first().first().value<SyncResult>();
}

QList<QJsonObject> SyncClient::serverRecords()
{
    const TestServer::Feed feed = m_server.pullAll(m_token, {}, 2000);
    return feed.records;
}

QHash<qint64, qint64> SyncClient::serverVersions()
{
    QHash<qint64, qint64> versions;
    for (const QJsonObject &record : serverRecords())
        versions.insert(record.value(QStringLiteral("id")).toInteger(),
                        record.value(QStringLiteral("version")).toInteger());
    return versions;
}

qint64 SyncClient::take(const QString &state, std::optional<qint64> agency)
{
    for (const QJsonObject &record : serverRecords()) {
        const qint64 id = record.value(QStringLiteral("id")).toInteger();
        if (m_taken.contains(id) || record.value(QStringLiteral("state")).toString() != state)
            continue;
        if (agency && record.value(QStringLiteral("agency_id")).toInteger() != *agency)
            continue;
        m_taken.insert(id);
        return id;
    }
    return 0;
}

int SyncClient::serverHistoryCount(qint64 id, const QString &action)
{
    const QByteArray moderator = m_server.signIn(QStringLiteral("chief"));
    int n = 0;
    const HttpResult r =
        m_server.get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), moderator);
    for (const QJsonValue &entry : r.json().value(QStringLiteral("entries")).toArray())
        n += entry.toObject().value(QStringLiteral("action")).toString() == action ? 1 : 0;
    return n;
}

qint64 SyncClient::serverVersion(qint64 id)
{
    const QByteArray chief = m_server.signIn(QStringLiteral("chief"));
    return m_server.complaint(id, chief).value(QStringLiteral("version")).toInteger();
}

QJsonObject actionBody(const QString &action, qint64 baseVersion, const QJsonObject &fields)
{
    QJsonObject body = fields;
    body.insert(QStringLiteral("action"), action);
    body.insert(QStringLiteral("base_version"), baseVersion);
    return body;
}

} // namespace rd::test
