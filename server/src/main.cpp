// regiondesk-server: the reference implementation of docs/api.md.

#include "ApiService.h"
#include "DemoSeeder.h"
#include "HttpFrontend.h"
#include "ServerStore.h"
#include "sqlite/SqliteError.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

#include <csignal>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "regiondesk-server: %s\n", qPrintable(message));
    std::exit(2);
}

#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}
#endif

// "--demo" alone means the default size.
QStringList withDemoDefault(QStringList arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--demo")) {
            bool number = false;
            if (i + 1 < arguments.size())
                arguments[i + 1].toInt(&number);
            if (!number)
                arguments.insert(i + 1, QStringLiteral("3000"));
        }
    }
    return arguments;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("regiondesk-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REGIONDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The RegionDesk reference server: the API of docs/api.md over its own SQLite "
        "database, on loopback by default."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("Keep the database in <dir> (required)."),
                                  QStringLiteral("dir"));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QStringLiteral("Listen on <port>; 0 picks a free one (default 8080)."),
        QStringLiteral("port"), QStringLiteral("8080"));
    const QCommandLineOption address(QStringLiteral("bind"),
                                     QStringLiteral("Listen on <address> (default 127.0.0.1)."),
                                     QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral(
            "Fill an empty <dir> with <n> demo complaints in Omsk first (default 3000)."),
        QStringLiteral("n"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed of the demo generator (default 59)."),
                                  QStringLiteral("n"), QStringLiteral("59"));
    const QCommandLineOption cert(QStringLiteral("tls-cert"),
                                  QStringLiteral("Serve HTTPS with this PEM certificate."),
                                  QStringLiteral("file"));
    const QCommandLineOption key(QStringLiteral("tls-key"),
                                 QStringLiteral("The PEM private key of --tls-cert."),
                                 QStringLiteral("file"));
    const QCommandLineOption open311Key(
        QStringLiteral("open311-key"),
        QStringLiteral("API key for filing through Open311 and the citizen endpoints (default with "
                       "--demo: demo-open311-key)."),
        QStringLiteral("key"));
    const QCommandLineOption tokenLifetime(
        QStringLiteral("token-lifetime"),
        QStringLiteral("Seconds a session token lives (default 43200)."), QStringLiteral("seconds"),
        QStringLiteral("43200"));
    const QCommandLineOption testHooks(
        QStringLiteral("test-hooks"),
        QStringLiteral(
            "Enable /api/v1/_test/ (fault injection, clock, pruning). Never in production."));
    parser.addOptions(
        {data, port, address, demo, seed, cert, key, open311Key, tokenLifetime, testHooks});
    parser.process(withDemoDefault(QCoreApplication::arguments()));

    if (!parser.isSet(data))
        fail(QStringLiteral("--data <dir> is required; see --help"));
    bool ok = false;
    const int portNumber = parser.value(port).toInt(&ok);
    if (!ok || portNumber < 0 || portNumber > 65535)
        fail(QStringLiteral("--port takes 0 to 65535"));
    const QHostAddress bindAddress(parser.value(address));
    if (bindAddress.isNull())
        fail(QStringLiteral("--bind takes an IP address"));
    int demoCount = 0;
    if (parser.isSet(demo)) {
        demoCount = parser.value(demo).toInt(&ok);
        if (!ok || demoCount < 0 || demoCount > 2'000'000)
            fail(QStringLiteral("--demo takes 0 to 2000000"));
    }
    const qint64 lifetime = parser.value(tokenLifetime).toLongLong(&ok);
    if (!ok || lifetime < 1)
        fail(QStringLiteral("--token-lifetime takes a positive number of seconds"));

    std::optional<QSslConfiguration> tls;
    if (parser.isSet(cert) != parser.isSet(key))
        fail(QStringLiteral("--tls-cert and --tls-key go together"));
    if (parser.isSet(cert)) {
        const auto certs = QSslCertificate::fromPath(parser.value(cert));
        QFile keyFile(parser.value(key));
        if (certs.isEmpty() || !keyFile.open(QIODevice::ReadOnly))
            fail(QStringLiteral("cannot read the TLS certificate or key"));
        const QSslKey privateKey(&keyFile, QSsl::Rsa);
        const QSslKey ecKey = privateKey.isNull() ? [&] { keyFile.seek(0); return QSslKey(&keyFile, QSsl::Ec); }() : QSslKey();
        tls = QSslConfiguration::defaultConfiguration();
        tls->setLocalCertificateChain(certs);
        tls->setPrivateKey(privateKey.isNull() ? ecKey : privateKey);
        if (tls->privateKey().isNull())
            fail(QStringLiteral("the TLS key is not an RSA or EC PEM key"));
    }

    const QString dir = parser.value(data);
    if (!QDir().mkpath(dir))
        fail(QStringLiteral("cannot create %1").arg(dir));

    try {
        rd::server::ServerStore store(QDir(dir).filePath(QStringLiteral("server.sqlite")));
        rd::server::ServerConfig config;
        config.tokenLifetimeSecs = lifetime;
        config.testHooks = parser.isSet(testHooks);
        config.open311ApiKey = parser.isSet(open311Key) ? parser.value(open311Key)
                               : parser.isSet(demo)     ? QStringLiteral("demo-open311-key")
                                                        : QString();
        QStringList demoUsers;
        if (parser.isSet(demo) && store.isEmpty())
            demoUsers = rd::server::seedDemo(store, demoCount, parser.value(seed).toUInt(),
                                             rd::Clock::system().now());
        if (store.catalogue().categories.isEmpty())
            fail(QStringLiteral("%1 holds no catalogue; start once with --demo").arg(dir));
        rd::server::ApiService api(store, config);
        rd::server::HttpFrontend http(api);
        const quint16 listening = http.listenOn(bindAddress, quint16(portNumber), tls);
        if (listening == 0)
            fail(QStringLiteral("cannot listen on %1:%2")
                     .arg(bindAddress.toString())
                     .arg(portNumber));
        std::printf("listening on %s://%s:%u\n", tls ? "https" : "http",
                    qPrintable(bindAddress.toString()), unsigned(listening));
        if (!demoUsers.isEmpty()) {
            std::printf("demo users (password \"demo\"):\n%s\n",
                        qPrintable(demoUsers.join(QLatin1Char('\n'))));
        }
        if (!config.open311ApiKey.isEmpty())
            std::printf("open311 api key: %s\n", qPrintable(config.open311ApiKey));
        std::fflush(stdout);

        // Housekeeping: old idempotency records and scope changes.
        QTimer prune;
        QObject::connect(&prune, &QTimer::timeout, &app, [&] {
            store.prune(api.now(), config.keepResponsesSecs, config.keepTombstonesSecs);
        });
        prune.start(3600 * 1000);

#ifdef Q_OS_UNIX
        // Graceful shutdown: SIGINT/SIGTERM end the event loop, the database
        // closes cleanly (WAL checkpointed).
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
            std::signal(SIGINT, onSignal);
            std::signal(SIGTERM, onSignal);
            auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
            QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
                std::fprintf(stderr, "regiondesk-server: shutting down\n");
                QCoreApplication::quit();
            });
        }
#endif
        return QCoreApplication::exec();
    } catch (const rd::sqlite::Error &error) {
        fail(QStringLiteral("database %1: %2").arg(error.file(), error.message()));
    } catch (const std::exception &error) {
        fail(QString::fromLocal8Bit(error.what()));
    }
}
