#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QProcess>
#include <QSslConfiguration>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace rd::test {

struct HttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 elapsedMs = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QByteArray header(const QByteArray &name) const;
    QString errorCode() const
    {
        return json()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
};

// Which store a server under test uses. Normally SQLite in its data folder;
// in a test's PostgreSQL variant (CTest sets REGIONDESK_TEST_PG_STATE to the
// throwaway cluster's state folder, tests/server/pgcluster.sh) a database of
// its own on that cluster, named after the data folder, so a server started
// again on the same folder finds it.
bool testsPostgres();
// The --data (and --database and --photos) arguments for a server on
// dataDir; its photo files are in dataDir/photos either way.
QStringList storeArguments(const QString &dataDir);
// Runs sql on dataDir's PostgreSQL database; the rows as psql -tA prints them.
QString postgresQuery(const QString &dataDir, const QString &sql);
// Runs a PostgreSQL client program (pg_dump, pg_restore, psql…) against the
// test cluster as its superuser; "{db}" in arguments is dataDir's database.
// True if it exited with 0.
bool postgresTool(const QString &dataDir, const QString &program, QStringList arguments);

// Ends a server process and waits up to timeoutMs; true if it ended.
// POSIX: SIGTERM, the server's graceful shutdown. Windows: QProcess::kill()
// (TerminateProcess): terminate() posts WM_CLOSE, which a console program
// without a window never receives, and a Ctrl+C or Ctrl+Break event
// (GenerateConsoleCtrlEvent) only reaches a process sharing the caller's
// console, which would stop the test too. So on Windows a test cannot see
// the shutdown as graceful; stop() below says true once the process ended.
bool endServerProcess(QProcess &process, int timeoutMs);

// What a run of the server program (or its admin command) in a process of
// its own came to: a server is run until it says it listens (then ended with
// endServerProcess()), anything else until it ends by itself; stdin is
// closed, the first line is waited for up to 60 s.
struct ServerRun
{
    bool listening = false; // its first line was "listening on …"
    int exitCode = -1;      // -1: it never started
    QString firstLine;      // without the line break
    QString out;            // all it wrote to stdout, the first line too
    QString err;
};
ServerRun runServerProcess(const QStringList &arguments);

// The real reference server in a child process, on a free loopback port,
// with demo data in a temporary folder and the test hooks on. With
// captureLog, its log (requests included) goes to a file that log() reads.
class TestServer
{
public:
    explicit TestServer(int demoComplaints = 600, const QStringList &extraArguments = {},
                        bool captureLog = false);
    // A second server process on the first one's database (no demo seeding):
    // several servers behind one load balancer.
    struct SharedWith
    {
        const TestServer &server;
    };
    explicit TestServer(SharedWith shared, const QStringList &extraArguments = {});
    ~TestServer();

    bool isRunning() const { return m_port != 0; }
    // Stops the server cleanly (SIGTERM); true if it exited normally (on
    // Windows: once it ended, endServerProcess()).
    bool stop();
    QString baseUrl() const
    {
        return QStringLiteral("%1://127.0.0.1:%2").arg(m_scheme).arg(m_port);
    }
    // TLS settings for requests (HTTPS servers): which CAs to trust.
    void setSslConfiguration(const QSslConfiguration &configuration)
    {
        m_ssl = configuration;
        m_manager.clearConnectionCache(); // a refused connection must not be reused
    }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    // The server's log so far (captureLog only).
    QByteArray log() const;
    QString dataDir() const { return m_dataDir; }

    HttpResult request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                       const QList<QPair<QByteArray, QByteArray>> &headers = {},
                       QNetworkAccessManager *manager = nullptr);
    // Signs in as a demo user; returns the bearer token.
    QByteArray signIn(const QString &login, const QString &password = QStringLiteral("demo"));
    HttpResult get(const QString &path, const QByteArray &token);
    HttpResult postJson(const QString &path, const QJsonObject &body, const QByteArray &token,
                        const QByteArray &idempotencyKey = {});
    // An action with a fresh idempotency key.
    HttpResult act(qint64 id, const QJsonObject &action, const QByteArray &token,
                   const QByteArray &key = {});
    QJsonObject complaint(qint64 id, const QByteArray &token);
    // Every record and tombstone of the changes feed from a cursor.
    struct Feed
    {
        QList<QJsonObject> records;
        QList<qint64> tombstones;
        QString cursor;
        QString epoch;
        int pages = 0;
        int status = 200;
    };
    Feed pullAll(const QByteArray &token, const QString &cursor = {}, int limit = 500);
    void hook(const QString &what, const QJsonObject &body = {});

private:
    void start(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_dataDir = m_dir.path();
    bool m_captureLog = false;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_scheme = QStringLiteral("http");
    std::optional<QSslConfiguration> m_ssl;
    QNetworkAccessManager m_manager;
};

} // namespace rd::test
