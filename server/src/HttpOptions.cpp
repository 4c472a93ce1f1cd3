#include "HttpOptions.h"

#include <QCommandLineParser>
#include <QFile>

#include <algorithm>
#include <cmath>

namespace rd::server {

namespace {

struct IntOption
{
    const char *name;
    const char *help;
    qint64 min;
    qint64 max;
    void (*store)(ServerConfig &, qint64);
};

// name, help, least, most, where it goes.
const IntOption IntOptions[] = {
    {"workers", "Threads serving requests, each with its own database connection (default 4).", 1,
     256, [](ServerConfig &c, qint64 v) { c.http.workerThreads = int(v); }},
    {"signin-threads", "Threads checking passwords (default 1).", 1, 64,
     [](ServerConfig &c, qint64 v) { c.http.signInThreads = int(v); }},
    {"clean-signin-threads",
     "More threads checking passwords only for logins and addresses with no recent failure "
     "(default 1).",
     0, 64, [](ServerConfig &c, qint64 v) { c.http.cleanSignInThreads = int(v); }},
    {"guess-signin-threads",
     "Threads, at a lower CPU priority, checking passwords for logins and addresses that failed "
     "repeatedly of late (default 1).",
     1, 64, [](ServerConfig &c, qint64 v) { c.http.guessSignInThreads = int(v); }},
    {"bulk-threads",
     "Threads, at a lower CPU priority, serving feed pages of more than --bulk-records records "
     "(default 2).",
     1, 64, [](ServerConfig &c, qint64 v) { c.http.bulkThreads = int(v); }},
    {"bulk-records",
     "Records a feed page is expected to bring for it to go to the bulk threads (default 500).", 1,
     1'000'000, [](ServerConfig &c, qint64 v) { c.http.bulkRecords = int(v); }},
    {"gzip-level",
     "How hard text answers are compressed for clients that take gzip: 1 fastest to 9 smallest, "
     "0 never (default 3).",
     0, 9, [](ServerConfig &c, qint64 v) { c.http.gzipLevel = int(v); }},
    {"max-connections",
     "Open connections at most, in all (default 2000; lowered below the file limit).", 1, 1'000'000,
     [](ServerConfig &c, qint64 v) { c.http.maxConnections = int(v); }},
    {"max-connections-per-address", "Open connections at most per client address (default 128).", 1,
     1'000'000, [](ServerConfig &c, qint64 v) { c.http.maxConnectionsPerAddress = int(v); }},
    {"max-header-bytes", "Request line and headers at most, in bytes (default 32768).", 1024,
     1 << 24, [](ServerConfig &c, qint64 v) { c.http.maxHeaderBytes = v; }},
    {"max-url-bytes", "Request target at most, in bytes (default 8192).", 256, 1 << 24,
     [](ServerConfig &c, qint64 v) { c.http.maxUrlBytes = v; }},
    {"max-anonymous-body-bytes",
     "Body of a request without a bearer token at most, in bytes (default 65536).", 1024, 1LL << 32,
     [](ServerConfig &c, qint64 v) { c.http.maxAnonymousBodyBytes = v; }},
    {"max-body-bytes", "JSON body of a signed-in request at most, in bytes (default 1048576).",
     1024, 1LL << 32, [](ServerConfig &c, qint64 v) { c.maxJsonBytes = v; }},
    {"max-photo-bytes", "Photo upload at most, in bytes (default 5242880).", 1024, 1LL << 32,
     [](ServerConfig &c, qint64 v) { c.maxPhotoBytes = v; }},
    {"signin-failures-per-login", "Failed sign-ins of one login before it is locked (default 5).",
     1, 1'000'000, [](ServerConfig &c, qint64 v) { c.http.signInFailuresPerLogin = int(v); }},
    {"signin-failures-per-address",
     "Failed sign-ins from one address before it is locked (default 30).", 1, 1'000'000,
     [](ServerConfig &c, qint64 v) { c.http.signInFailuresPerAddress = int(v); }},
    {"upload-bytes-per-day",
     "Bytes of photos one user may upload in any 24 hours; 0: no limit (default 268435456).", 0,
     1LL << 40, [](ServerConfig &c, qint64 v) { c.quotas.uploadBytesPerDay = v; }},
    {"unattached-uploads",
     "Photos one user may have uploaded in the last 24 hours that no answer names yet; 0: no "
     "limit (default 200).",
     0, 100'000, [](ServerConfig &c, qint64 v) { c.quotas.unattachedUploads = int(v); }},
    {"votes-per-hour",
     "Citizen votes taken from one client address in any hour; 0: no limit (default 100).", 0,
     100'000, [](ServerConfig &c, qint64 v) { c.quotas.votesPerHour = int(v); }},
    {"filings-per-hour",
     "Complaints filed through Open311 from one client address in any hour; 0: no limit "
     "(default 30).",
     0, 100'000, [](ServerConfig &c, qint64 v) { c.quotas.filingsPerHour = int(v); }},
};

const char *const MetricsTokenFile = "metrics-token-file";

// The metrics token from its file: one line of 16 to 1024 printable
// characters (no spaces), or what is wrong.
QString readMetricsToken(const QString &file, QByteArray *token)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("--%1: cannot read %2").arg(QLatin1String(MetricsTokenFile), file);
    *token = f.read(4096).trimmed();
    const bool printable =
        std::all_of(token->cbegin(), token->cend(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (token->size() < 16 || token->size() > 1024 || !printable)
        return QStringLiteral("--%1: %2 must hold one token of 16 to 1024 printable characters "
                              "without spaces")
            .arg(QLatin1String(MetricsTokenFile), file);
    return {};
}

struct SecondsOption
{
    const char *name;
    const char *help;
};

const SecondsOption SecondsOptions[] = {
    {"header-timeout", "Seconds for a request's line and headers to arrive (default 10)."},
    {"body-timeout", "Seconds for a request's body to arrive (default 60)."},
    {"idle-timeout", "Seconds a kept-alive connection may wait for its next request, or a "
                     "client take to read an answer (default 60)."},
    {"signin-lockout", "Seconds a login or address stays locked after too many failed "
                       "sign-ins; also the window the failures are counted in (default 900)."},
};

} // namespace

void defineHttpOptions(QCommandLineParser &parser)
{
    for (const IntOption &o : IntOptions)
        parser.addOption(
            {QString::fromLatin1(o.name), QString::fromUtf8(o.help), QStringLiteral("n")});
    for (const SecondsOption &o : SecondsOptions)
        parser.addOption(
            {QString::fromLatin1(o.name), QString::fromUtf8(o.help), QStringLiteral("seconds")});
    parser.addOption({QString::fromLatin1(MetricsTokenFile),
                      QStringLiteral("Serve /metrics to whoever sends the token in this <file> "
                                     "as a bearer token (default: to this machine only)."),
                      QStringLiteral("file")});
}

QStringList httpOptionNames()
{
    QStringList names;
    for (const IntOption &o : IntOptions)
        names.append(QString::fromLatin1(o.name));
    for (const SecondsOption &o : SecondsOptions)
        names.append(QString::fromLatin1(o.name));
    names.append(QString::fromLatin1(MetricsTokenFile));
    return names;
}

QString readHttpOptions(const QCommandLineParser &parser, ServerConfig &config)
{
    for (const IntOption &o : IntOptions) {
        if (!parser.isSet(QLatin1String(o.name)))
            continue;
        bool ok = false;
        const qint64 value = parser.value(QLatin1String(o.name)).toLongLong(&ok);
        if (!ok || value < o.min || value > o.max)
            return QStringLiteral("--%1 takes a whole number from %2 to %3")
                .arg(QLatin1String(o.name))
                .arg(o.min)
                .arg(o.max);
        o.store(config, value);
    }
    HttpConfig &h = config.http;
    int *const millis[] = {&h.headerTimeoutMs, &h.bodyTimeoutMs, &h.idleTimeoutMs, nullptr};
    for (int i = 0; i < int(std::size(SecondsOptions)); ++i) {
        const char *name = SecondsOptions[i].name;
        if (!parser.isSet(QLatin1String(name)))
            continue;
        bool ok = false;
        const double seconds = parser.value(QLatin1String(name)).toDouble(&ok);
        if (!ok || !(seconds >= 0.05) || seconds > 86'400.0)
            return QStringLiteral("--%1 takes seconds from 0.05 to 86400").arg(QLatin1String(name));
        if (millis[i])
            *millis[i] = int(std::lround(seconds * 1000.0));
        else
            h.signInLockoutSecs = std::max<qint64>(1, std::llround(seconds));
    }
    if (parser.isSet(QLatin1String(MetricsTokenFile)))
        return readMetricsToken(parser.value(QLatin1String(MetricsTokenFile)),
                                &config.metricsToken);
    return {};
}

} // namespace rd::server
