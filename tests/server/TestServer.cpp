#include "TestServer.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkReply>
#include <QTimer>
#include <QUuid>

namespace rd::test {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

namespace {

QString postgresHost()
{
    QFile file(qEnvironmentVariable("REGIONDESK_TEST_PG_STATE") + QStringLiteral("/host"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("REGIONDESK_TEST_PG_STATE is set but the cluster is not running (%s)",
               qPrintable(file.fileName()));
    return QString::fromUtf8(file.readAll().trimmed());
}

QString databaseName(const QString &dataDir)
{
    return QStringLiteral("rd_") +
           QString::fromLatin1(
               QCryptographicHash::hash(dataDir.toUtf8(), QCryptographicHash::Sha256)
                   .toHex()
                   .left(24));
}

QString psql(const QString &database, const QString &sql, bool *ok = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("psql"),
            {QStringLiteral("-h"), postgresHost(), QStringLiteral("-U"), QStringLiteral("postgres"),
             QStringLiteral("-d"), database, QStringLiteral("-v"),
             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-tAc"), sql});
    const bool done = p.waitForFinished(30000);
    if (ok)
        *ok = done && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

bool testsPostgres()
{
    return !qEnvironmentVariableIsEmpty("REGIONDESK_TEST_PG_STATE");
}

QStringList storeArguments(const QString &dataDir)
{
    QStringList arguments{QStringLiteral("--data"), dataDir};
    if (!testsPostgres())
        return arguments;
    const QString name = databaseName(dataDir);
    const QString exists =
        psql(QStringLiteral("postgres"),
             QStringLiteral("SELECT 1 FROM pg_database WHERE datname = '%1'").arg(name));
    bool ok = true;
    if (exists != QLatin1String("1"))
        psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(name), &ok);
    if (!ok)
        qFatal("cannot create the test database %s", qPrintable(name));
    // With PostgreSQL the photos folder is never guessed: the one every
    // server process on the database shares (here: in the data folder).
    arguments << QStringLiteral("--database")
              << QStringLiteral("postgresql:///%1?host=%2&user=postgres")
                     .arg(name, QString::fromUtf8(QUrl::toPercentEncoding(postgresHost())))
              << QStringLiteral("--photos") << QDir(dataDir).filePath(QStringLiteral("photos"));
    return arguments;
}

QString postgresQuery(const QString &dataDir, const QString &sql)
{
    bool ok = false;
    const QString out = psql(databaseName(dataDir), sql, &ok);
    if (!ok)
        qWarning("psql failed: %s", qPrintable(sql));
    return out;
}

bool postgresTool(const QString &dataDir, const QString &program, QStringList arguments)
{
    arguments.replaceInStrings(QStringLiteral("{db}"), databaseName(dataDir));
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(program, QStringList{QStringLiteral("-h"), postgresHost(), QStringLiteral("-U"),
                                 QStringLiteral("postgres")} +
                         arguments);
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

TestServer::TestServer(int demoComplaints, const QStringList &extraArguments, bool captureLog)
    : m_captureLog(captureLog)
{
    start(storeArguments(m_dataDir) +
          QStringList{QStringLiteral("--demo"), QString::number(demoComplaints)} + extraArguments);
}

TestServer::TestServer(SharedWith shared, const QStringList &extraArguments)
    : m_dataDir(shared.server.dataDir())
{
    start(storeArguments(m_dataDir) + extraArguments);
}

void TestServer::start(const QStringList &storeAndExtra)
{
    const QStringList arguments =
        storeAndExtra +
        QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--test-hooks")};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"),
               m_captureLog ? QStringLiteral("regiondesk.server.*=true")
                            : QStringLiteral("regiondesk.server.requests=false"));
    m_process.setProcessEnvironment(env);
    if (m_captureLog)
        m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("server.log")));
    else
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral(REGIONDESK_SERVER_BINARY), arguments);
    if (!m_process.waitForStarted(10000))
        return;
    QElapsedTimer timer;
    timer.start();
    // Until its first line, or until it ends (a server that cannot start
    // says why on stderr and exits at once). Generous: seeding the demo into
    // PostgreSQL on a loaded machine (other test programs at once) has taken
    // over a minute.
    while (!m_process.canReadLine() && timer.elapsed() < 180000 &&
           m_process.state() == QProcess::Running)
        m_process.waitForReadyRead(1000);
    const QByteArray first = m_process.readLine().trimmed();
    // On loopback, or on every address (--bind 0.0.0.0): reached at 127.0.0.1.
    if (first.startsWith("listening on http://127.0.0.1:") ||
        first.startsWith("listening on https://127.0.0.1:") ||
        first.startsWith("listening on https://0.0.0.0:")) {
        m_port = quint16(first.mid(first.lastIndexOf(':') + 1).toUInt());
        m_scheme = first.startsWith("listening on https") ? QStringLiteral("https")
                                                          : QStringLiteral("http");
    }
}

QByteArray TestServer::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("server.log")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool endServerProcess(QProcess &process, int timeoutMs)
{
    if (process.state() == QProcess::NotRunning)
        return true;
#ifdef Q_OS_WIN
    process.kill();
#else
    process.terminate();
#endif
    return process.waitForFinished(timeoutMs);
}

ServerRun runServerProcess(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(REGIONDESK_SERVER_BINARY), arguments);
    ServerRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.closeWriteChannel();
    QDeadlineTimer deadline(60000);
    while (process.state() == QProcess::Running && !process.canReadLine() && !deadline.hasExpired())
        process.waitForReadyRead(500);
    run.listening = process.canReadLine() && process.peek(13) == "listening on ";
    if (run.listening)
        endServerProcess(process, 60000);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    run.firstLine = run.out.section(QLatin1Char('\n'), 0, 0);
    return run;
}

bool TestServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return false;
    const bool finished = endServerProcess(m_process, 15000);
#ifdef Q_OS_WIN
    return finished;
#else
    return finished && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
#endif
}

TestServer::~TestServer()
{
    if (!endServerProcess(m_process, 10000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

HttpResult TestServer::request(const QByteArray &method, const QString &path,
                               const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &headers,
                               QNetworkAccessManager *manager)
{
    QNetworkRequest request(QUrl(baseUrl() + path));
    request.setTransferTimeout(30000);
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (!body.isEmpty() && !request.hasRawHeader("Content-Type"))
        request.setRawHeader("Content-Type", "application/json");
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply =
        (manager ? manager : &m_manager)->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.elapsedMs = timer.elapsed();
    reply->deleteLater();
    return result;
}

QByteArray TestServer::signIn(const QString &login, const QString &password)
{
    const HttpResult r = request("POST", QStringLiteral("/api/v1/session"),
                                 QJsonDocument(QJsonObject{{QStringLiteral("login"), login},
                                                           {QStringLiteral("password"), password}})
                                     .toJson());
    return r.json().value(QStringLiteral("token")).toString().toLatin1();
}

HttpResult TestServer::get(const QString &path, const QByteArray &token)
{
    return request("GET", path, {}, {{"Authorization", "Bearer " + token}});
}

HttpResult TestServer::postJson(const QString &path, const QJsonObject &body,
                                const QByteArray &token, const QByteArray &idempotencyKey)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + token}};
    if (!idempotencyKey.isEmpty())
        headers.append({"Idempotency-Key", idempotencyKey});
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

HttpResult TestServer::act(qint64 id, const QJsonObject &action, const QByteArray &token,
                           const QByteArray &key)
{
    return postJson(QStringLiteral("/api/v1/complaints/%1/actions").arg(id), action, token,
                    key.isEmpty() ? QUuid::createUuid().toByteArray(QUuid::WithoutBraces) : key);
}

QJsonObject TestServer::complaint(qint64 id, const QByteArray &token)
{
    return get(QStringLiteral("/api/v1/complaints/%1").arg(id), token).json();
}

TestServer::Feed TestServer::pullAll(const QByteArray &token, const QString &cursor, int limit)
{
    Feed feed;
    feed.cursor = cursor;
    for (;;) {
        const HttpResult r =
            get(QStringLiteral("/api/v1/changes?limit=%1&cursor=%2").arg(limit).arg(feed.cursor),
                token);
        feed.status = r.status;
        if (r.status != 200)
            return feed;
        const QJsonObject page = r.json();
        ++feed.pages;
        for (const QJsonValue &record : page.value(QStringLiteral("records")).toArray())
            feed.records.append(record.toObject());
        for (const QJsonValue &id : page.value(QStringLiteral("tombstones")).toArray())
            feed.tombstones.append(id.toInteger());
        feed.cursor = page.value(QStringLiteral("cursor")).toString();
        feed.epoch = page.value(QStringLiteral("epoch")).toString();
        if (!page.value(QStringLiteral("more")).toBool())
            return feed;
    }
}

void TestServer::hook(const QString &what, const QJsonObject &body)
{
    request("POST", QStringLiteral("/api/v1/_test/") + what, QJsonDocument(body).toJson());
}

} // namespace rd::test
