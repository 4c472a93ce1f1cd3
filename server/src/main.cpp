// regiondesk-server: the reference implementation of docs/api.md.

#include "Admin.h"
#include "ApiService.h"
#include "DemoSeeder.h"
#include "GeographyService.h"
#include "HttpFrontend.h"
#include "HttpOptions.h"
#include "ServerStore.h"
#include "SharedState.h"
#include "images/QtPhotoDecoder.h"
#include "sqlite/SqliteError.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QPointF>
#include <QSettings>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <optional>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include "WindowsApi.h"
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

#ifdef Q_OS_WIN
// Windows' counterpart of SIGINT/SIGTERM: Ctrl+C, Ctrl+Break, the console
// window closed, the system shutting down. The handler runs on a thread
// the system starts; it asks the main thread to quit (posting an event is
// thread-safe). After a close or shutdown event Windows ends the process as
// soon as the handler returns, so there it waits: main() returning ends the
// process (and this thread) once the sockets and the database are closed,
// or Windows' own time limit (about 5 s on close) does. CTRL_LOGOFF_EVENT
// reaches only services, for any user's log-off: not a reason to stop.
// A process that loads user32.dll (QtGui does, for the photo decoder) gets
// no CTRL_SHUTDOWN_EVENT (Windows sends WM_QUERYENDSESSION to its windows
// instead, and it has none): at shutdown it ends as if killed, which the
// WAL journal survives (docs/deployment.md).
BOOL WINAPI onConsoleEvent(DWORD event)
{
    if (event == CTRL_LOGOFF_EVENT)
        return TRUE;
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT && event != CTRL_CLOSE_EVENT &&
        event != CTRL_SHUTDOWN_EVENT)
        return FALSE;
    if (QCoreApplication *app = QCoreApplication::instance()) {
        QMetaObject::invokeMethod(
            app,
            [] {
                std::fprintf(stderr, "regiondesk-server: shutting down\n");
                QCoreApplication::quit();
            },
            Qt::QueuedConnection);
    }
    if (event == CTRL_CLOSE_EVENT || event == CTRL_SHUTDOWN_EVENT)
        ::Sleep(INFINITE);
    return TRUE;
}
#endif

// --config FILE: an INI file ([server] section) with the long options an
// administrator sets (/etc/regiondesk-server.conf in the package); what the
// command line gives wins. A key this server does not know ends the program.
QStringList withConfigFile(QStringList arguments)
{
    const qsizetype at = arguments.indexOf(QStringLiteral("--config"));
    if (at < 0)
        return arguments;
    if (at + 1 >= arguments.size())
        fail(QStringLiteral("--config needs a file"));
    const QString file = arguments.at(at + 1);
    arguments.remove(at, 2);
    if (!QFile::exists(file))
        fail(QStringLiteral("cannot read %1").arg(file));
    QSettings settings(file, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        fail(QStringLiteral("%1 is not a valid configuration file").arg(file));
    static const QStringList known{QStringLiteral("data"),        QStringLiteral("database"),
                                   QStringLiteral("photos"),      QStringLiteral("port"),
                                   QStringLiteral("bind"),        QStringLiteral("tls-cert"),
                                   QStringLiteral("tls-key"),     QStringLiteral("open311-key"),
                                   QStringLiteral("geography"),   QStringLiteral("public-url"),
                                   QStringLiteral("city-centre"), QStringLiteral("token-lifetime")};
    // …and every limit, quota and the metrics token (HttpOptions.cpp).
    const QStringList allKnown = known + rd::server::httpOptionNames();
    settings.beginGroup(QStringLiteral("server"));
    for (const QString &key : settings.childKeys()) {
        if (!allKnown.contains(key))
            fail(QStringLiteral("%1: unknown setting %2 (known: %3)")
                     .arg(file, key, allKnown.join(QStringLiteral(", "))));
        const QString option = QStringLiteral("--") + key;
        // QSettings reads "a, b" as a list (city-centre=54.98,73.32): joined
        // back as written.
        const QVariant raw = settings.value(key);
        const QString value = raw.metaType().id() == QMetaType::QStringList
                                  ? raw.toStringList().join(QLatin1Char(','))
                                  : raw.toString();
        if (!arguments.contains(option) && !value.isEmpty())
            arguments << option << value;
    }
    return arguments;
}

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

// What the command line asks for, checked.
struct Options
{
    QString dataDir;
    QString database;  // --database, else the SQLite file in dataDir
    QString photosDir; // --photos, else (SQLite only) dataDir/photos
    QHostAddress bindAddress;
    int port = 0;
    bool demo = false; // --demo: fill an empty database first
    int demoCount = 0;
    quint32 seed = 0;
    QString open311Key;
    QString geographyFile; // --geography: publish this GeoJSON file
    qint64 tokenLifetimeSecs = 0;
    bool testHooks = false;
    std::optional<QSslConfiguration> tls;
    QUrl publicUrl;                    // --public-url; empty: the listening address
    std::optional<QPointF> cityCentre; // --city-centre (latitude, longitude)
    rd::server::ServerConfig config;   // the limits and threads of HttpOptions.cpp
};

void defineOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "The RegionDesk reference server: the API of docs/api.md over its own SQLite "
        "database, on loopback by default."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("data"),
         QStringLiteral("Keep the SQLite database (and uploads) in <dir> (required)."),
         QStringLiteral("dir")},
        {QStringLiteral("config"),
         QStringLiteral("Read settings from this INI <file> ([server] section: data, database, "
                        "photos, port, bind, tls-cert, tls-key, open311-key, geography, "
                        "token-lifetime, and the long options below); the command line wins."),
         QStringLiteral("file")},
        {QStringLiteral("database"),
         QStringLiteral("Use this database instead of <dir>/server.sqlite: a PostgreSQL URI "
                        "(postgresql://user@host/db; the password from ~/.pgpass or "
                        "PGPASSFILE, never the command line) or a SQLite file."),
         QStringLiteral("uri")},
        {QStringLiteral("photos"),
         QStringLiteral("Keep uploaded photos as files in <dir> (default <data dir>/photos; "
                        "required with PostgreSQL: one folder every server process shares)."),
         QStringLiteral("dir")},
        {QStringLiteral("port"),
         QStringLiteral("Listen on <port>; 0 picks a free one (default 8080)."),
         QStringLiteral("port"), QStringLiteral("8080")},
        {QStringLiteral("bind"), QStringLiteral("Listen on <address> (default 127.0.0.1)."),
         QStringLiteral("address"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("demo"),
         QStringLiteral(
             "Fill an empty <dir> with <n> demo complaints in Omsk first (default 3000)."),
         QStringLiteral("n")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the demo generator (default 59)."),
         QStringLiteral("n"), QStringLiteral("59")},
        {QStringLiteral("geography"),
         QStringLiteral("Publish the city's district outlines and streets from this GeoJSON "
                        "<file> (docs/api.md, \"Geography\"); kept until another is given."),
         QStringLiteral("file")},
        {QStringLiteral("tls-cert"), QStringLiteral("Serve HTTPS with this PEM certificate."),
         QStringLiteral("file")},
        {QStringLiteral("tls-key"), QStringLiteral("The PEM private key of --tls-cert."),
         QStringLiteral("file")},
        {QStringLiteral("open311-key"),
         QStringLiteral("API key for filing through Open311 and the citizen endpoints (default "
                        "with --demo: demo-open311-key)."),
         QStringLiteral("key")},
        {QStringLiteral("public-url"),
         QStringLiteral("The URL clients reach this server at, the base of Open311 links "
                        "(default: the address it listens on, https with TLS)."),
         QStringLiteral("url")},
        {QStringLiteral("city-centre"),
         QStringLiteral("Where Open311 reports with an address and no point are placed, "
                        "<lat,lon> (default 54.9885,73.3242, Omsk)."),
         QStringLiteral("lat,lon")},
        {QStringLiteral("token-lifetime"),
         QStringLiteral("Seconds a session token lives (default 43200)."),
         QStringLiteral("seconds"), QStringLiteral("43200")},
        {QStringLiteral("test-hooks"),
         QStringLiteral(
             "Enable /api/v1/_test/ (fault injection, clock, pruning). Never in production.")},
    });
    rd::server::defineHttpOptions(parser);
}

// HTTPS settings from a PEM certificate and its RSA or EC key.
QSslConfiguration loadTls(const QString &certFile, const QString &keyFileName)
{
    const auto certs = QSslCertificate::fromPath(certFile);
    QFile keyFile(keyFileName);
    if (certs.isEmpty() || !keyFile.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read the TLS certificate or key"));
    QSslKey privateKey(&keyFile, QSsl::Rsa);
    if (privateKey.isNull()) {
        keyFile.seek(0);
        privateKey = QSslKey(&keyFile, QSsl::Ec);
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(certs);
    tls.setPrivateKey(privateKey);
    if (tls.privateKey().isNull())
        fail(QStringLiteral("the TLS key is not an RSA or EC PEM key"));
    return tls;
}

// Where the photo files are: --photos, or beside SQLite data. Several
// processes on one PostgreSQL database must share one folder, so there it
// is never guessed.
QString photosDirFor(const QCommandLineParser &parser, const Options &options)
{
    if (parser.isSet(QStringLiteral("photos"))) {
        const QString dir = parser.value(QStringLiteral("photos"));
        if (dir.isEmpty())
            fail(QStringLiteral("--photos takes a folder"));
        return dir;
    }
    if (rd::server::ServerStore::isPostgres(options.database))
        fail(QStringLiteral("--photos <dir> is required with PostgreSQL: the folder of the "
                            "uploaded photos, shared by every server process on the database "
                            "(docs/deployment.md, \"Photos\")"));
    return QDir(options.dataDir).filePath(QStringLiteral("photos"));
}

// The options of the command line, or the program ends with what is wrong.
Options readOptions(const QCommandLineParser &parser)
{
    const auto value = [&](const char *name) { return parser.value(QLatin1String(name)); };
    const auto isSet = [&](const char *name) { return parser.isSet(QLatin1String(name)); };
    Options options;
    if (!isSet("data"))
        fail(QStringLiteral("--data <dir> is required; see --help"));
    options.dataDir = value("data");
    options.database = isSet("database")
                           ? value("database")
                           : QDir(options.dataDir).filePath(QStringLiteral("server.sqlite"));
    if (rd::server::ServerStore::isPostgres(options.database) &&
        QUrl(options.database).password().size() > 0)
        fail(QStringLiteral("--database must not carry a password (it would show in the process "
                            "list): use ~/.pgpass or PGPASSFILE"));
    options.photosDir = photosDirFor(parser, options);
    bool ok = false;
    options.port = value("port").toInt(&ok);
    if (!ok || options.port < 0 || options.port > 65535)
        fail(QStringLiteral("--port takes 0 to 65535"));
    options.bindAddress = QHostAddress(value("bind"));
    if (options.bindAddress.isNull())
        fail(QStringLiteral("--bind takes an IP address"));
    // Tokens and personal data never cross a network in the clear.
    if (!options.bindAddress.isLoopback() && !isSet("tls-cert"))
        fail(QStringLiteral("listening on %1 needs TLS: give --tls-cert and --tls-key (plain "
                            "HTTP only on loopback, e.g. behind a TLS proxy on this host)")
                 .arg(options.bindAddress.toString()));
    options.demo = isSet("demo");
    if (options.demo) {
        options.demoCount = value("demo").toInt(&ok);
        if (!ok || options.demoCount < 0 || options.demoCount > 2'000'000)
            fail(QStringLiteral("--demo takes 0 to 2000000"));
    }
    options.seed = value("seed").toUInt();
    options.tokenLifetimeSecs = value("token-lifetime").toLongLong(&ok);
    if (!ok || options.tokenLifetimeSecs < 1)
        fail(QStringLiteral("--token-lifetime takes a positive number of seconds"));
    options.open311Key = isSet("open311-key") ? value("open311-key")
                         : options.demo       ? QStringLiteral("demo-open311-key")
                                              : QString();
    options.testHooks = isSet("test-hooks");
    options.geographyFile = value("geography");
    if (isSet("tls-cert") != isSet("tls-key"))
        fail(QStringLiteral("--tls-cert and --tls-key go together"));
    if (isSet("tls-cert"))
        options.tls = loadTls(value("tls-cert"), value("tls-key"));
    if (isSet("public-url")) {
        options.publicUrl = QUrl(value("public-url"), QUrl::StrictMode);
        const QString scheme = options.publicUrl.scheme();
        if (!options.publicUrl.isValid() || options.publicUrl.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
            options.publicUrl.hasQuery() || options.publicUrl.hasFragment())
            fail(QStringLiteral("--public-url takes an http or https URL, e.g. "
                                "https://311.example.org"));
    }
    if (isSet("city-centre")) {
        const QStringList parts = value("city-centre").split(QLatin1Char(','));
        bool latOk = false;
        bool lonOk = false;
        const double lat = parts.value(0).toDouble(&latOk);
        const double lon = parts.value(1).toDouble(&lonOk);
        if (parts.size() != 2 || !latOk || !lonOk || lat < -90 || lat > 90 || lon < -180 ||
            lon > 180)
            fail(QStringLiteral("--city-centre takes <latitude>,<longitude>"));
        options.cityCentre = QPointF(lat, lon);
    }
    if (const QString wrong = rd::server::readHttpOptions(parser, options.config); !wrong.isEmpty())
        fail(wrong);
    return options;
}

// The database in the data folder, seeded with the demo when asked and
// empty. Returns the demo users to print (none if it was not seeded).
QStringList seedIfAsked(rd::server::ServerStore &store, const Options &options)
{
    QStringList demoUsers;
    if (options.demo && store.isEmpty())
        demoUsers =
            rd::server::seedDemo(store, options.demoCount, options.seed, rd::Clock::system().now());
    if (store.catalogue().categories.isEmpty())
        fail(QStringLiteral("%1 holds no catalogue; start once with --demo").arg(store.describe()));
    return demoUsers;
}

// The geography file of --geography, checked and published; a bad file ends
// the program with what is wrong before anything is served.
void publishGeographyIfGiven(rd::server::ServerStore &store, const Options &options)
{
    if (options.geographyFile.isEmpty())
        return;
    const auto geography =
        rd::server::GeographyService::readFile(options.geographyFile, store.catalogue());
    if (!geography)
        fail(geography.error.toString());
    rd::server::GeographyService::publish(store, *geography.value);
    // On stderr: the first line on stdout is "listening on …".
    std::fprintf(stderr, "regiondesk-server: geography: %lld districts and %lld streets from %s\n",
                 static_cast<long long>(geography.value->districts.size()),
                 static_cast<long long>(geography.value->streets.size()),
                 qPrintable(options.geographyFile));
}

// The base of Open311 links: --public-url, or the address it listens on
// (never a request's Host header).
QUrl publicUrl(const Options &options, quint16 listening)
{
    if (!options.publicUrl.isEmpty())
        return options.publicUrl;
    QHostAddress host = options.bindAddress;
    if (host == QHostAddress::AnyIPv4 || host == QHostAddress::AnyIPv6 ||
        host == QHostAddress::Any) {
        std::fprintf(stderr, "regiondesk-server: listening on all addresses; give --public-url "
                             "so Open311 links name this server\n");
        host = QHostAddress::LocalHost;
    }
    QUrl url;
    url.setScheme(options.tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(host.toString());
    url.setPort(listening);
    return url;
}

// Listens as the options say and prints where, the demo users and the API key.
// Listens, starts the workers and says where. Listening first tells the
// port (0 picks one), and so the links of Open311 answers; no connection is
// taken before the workers start, as that happens on the event loop.
void startListening(rd::server::HttpFrontend &http, const Options &options,
                    const QStringList &demoUsers)
{
    const quint16 listening =
        http.listenOn(options.bindAddress, quint16(options.port), options.tls);
    if (listening == 0)
        fail(QStringLiteral("cannot listen on %1:%2")
                 .arg(options.bindAddress.toString())
                 .arg(options.port));
    http.setPublicUrl(publicUrl(options, listening));
    if (const QString error = http.start(); !error.isEmpty())
        fail(error);
    std::printf("listening on %s://%s:%u\n", options.tls ? "https" : "http",
                qPrintable(options.bindAddress.toString()), unsigned(listening));
    if (!demoUsers.isEmpty()) {
        std::printf("demo users (password \"demo\"):\n%s\n",
                    qPrintable(demoUsers.join(QLatin1Char('\n'))));
    }
    if (!options.open311Key.isEmpty())
        std::printf("open311 api key: %s\n", qPrintable(options.open311Key));
    std::fflush(stdout);
}

// Graceful shutdown: SIGINT/SIGTERM (Windows: Ctrl+C, Ctrl+Break, closing
// the console) end the event loop, the connections and the database close
// cleanly (WAL checkpointed).
void quitOnSignals(QCoreApplication &app)
{
#ifdef Q_OS_UNIX
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
            std::fprintf(stderr, "regiondesk-server: shutting down\n");
            QCoreApplication::quit();
        });
    }
#elif defined(Q_OS_WIN)
    Q_UNUSED(app);
    ::SetConsoleCtrlHandler(&onConsoleEvent, TRUE);
#else
    Q_UNUSED(app);
#endif
}

// Raises the limit of open files to what the system allows and keeps the
// connection cap below it (the database, the workers' connections and the
// listening socket need some), so running out of descriptors never
// becomes the way connections are refused.
void fitConnectionsToFileLimit(rd::server::HttpConfig &http)
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 1 << 20);
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    const qint64 reserve =
        64 + 4 * qint64(http.workerThreads + http.signInThreads + http.cleanSignInThreads +
                        http.guessSignInThreads + http.bulkThreads);
    const qint64 most = qint64(limit.rlim_cur) - reserve;
    if (most < http.maxConnections) {
        http.maxConnections = int(std::max<qint64>(1, most));
        std::fprintf(stderr, "regiondesk-server: at most %d connections (the file limit is %lld)\n",
                     http.maxConnections, static_cast<long long>(limit.rlim_cur));
    }
#else
    Q_UNUSED(http);
#endif
}

// The settings of the API and the HTTP front from the options.
rd::server::ServerConfig configFor(const Options &options)
{
    rd::server::ServerConfig config = options.config;
    config.tokenLifetimeSecs = options.tokenLifetimeSecs;
    config.testHooks = options.testHooks;
    config.open311ApiKey = options.open311Key;
    if (options.cityCentre) {
        config.cityLatitude = options.cityCentre->x();
        config.cityLongitude = options.cityCentre->y();
    }
    config.photoDecoder = rd::server::decodeWithQt;
    fitConnectionsToFileLimit(config.http);
    return config;
}

// Opens the store, seeds it if asked, and serves until a signal ends it.
int serve(QCoreApplication &app, const Options &options)
{
    const QString database = options.database;
    const QString photos = options.photosDir;
    const rd::server::ServerConfig config = configFor(options);
    rd::server::PhotoFiles(photos).prepare();
    QStringList demoUsers;
    {
        // Schema, demo and geography on one connection before any worker
        // opens its own.
        const std::unique_ptr<rd::server::ServerStore> store =
            rd::server::ServerStore::open(database, photos);
        demoUsers = seedIfAsked(*store, options);
        publishGeographyIfGiven(*store, options);
    }
    // Each worker thread opens its own connection (SQLite in WAL mode: many
    // readers, one writer at a time; PostgreSQL: one connection each).
    const rd::server::StoreFactory stores = [database, photos] {
        return rd::server::ServerStore::open(database, photos);
    };
    rd::server::SharedState shared(*config.clock);
    rd::server::HttpFrontend http(config, shared, stores, &rd::server::auditSignIn);
    startListening(http, options, demoUsers);

    // Housekeeping on a worker: old idempotency records, scope changes and
    // quota counts (client addresses among them).
    QTimer prune;
    QObject::connect(&prune, &QTimer::timeout, &app, [&http, &config] {
        http.runOnWorker([&config](rd::server::WorkerPool::Worker &worker) {
            rd::server::Quotas::forgetOld(worker.store, worker.api.now());
            worker.store.prune(worker.api.now(), config.keepResponsesSecs,
                               config.keepTombstonesSecs);
        });
    });
    prune.start(3600 * 1000);

    quitOnSignals(app);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("regiondesk-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REGIONDESK_VERSION));

    // regiondesk-server admin …: administration of the same database.
    if (QCoreApplication::arguments().value(1) == QLatin1String("admin"))
        return rd::server::runAdmin(QCoreApplication::arguments().mid(2));

    QCommandLineParser parser;
    defineOptions(parser);
    parser.process(withDemoDefault(withConfigFile(QCoreApplication::arguments())));
    const Options options = readOptions(parser);
    if (!QDir().mkpath(options.dataDir))
        fail(QStringLiteral("cannot create %1").arg(options.dataDir));

    try {
        return serve(app, options);
    } catch (const rd::sqlite::Error &error) {
        fail(QStringLiteral("database %1: %2").arg(error.file(), error.message()));
    } catch (const std::exception &error) {
        fail(QString::fromLocal8Bit(error.what()));
    }
}
