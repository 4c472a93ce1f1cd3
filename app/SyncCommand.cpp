#include "SyncCommand.h"

#include "Account.h"
#include "ApiClient.h"
#include "CacheError.h"
#include "CommandLine.h"
#include "Console.h"
#include "LocalCache.h"
#include "SyncEngine.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <optional>

namespace rd::app {

namespace {

// Reads a line from the terminal without echoing it.
QString readPassword(const QString &prompt)
{
    console::write(console::Stream::Err, prompt);
    const QString password = console::readLine(false);
    console::write(console::Stream::Err, QStringLiteral("\n"));
    return password;
}

QByteArray finish(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    return reply->readAll();
}

int fail(const QString &message)
{
    console::err(QStringLiteral("regiondesk: ") + message);
    return 1;
}

// Signs in; the session, or nothing after saying why.
std::optional<Session> signIn(ApiClient &api, const QUrl &server, const CommandLine &options)
{
    QString password = qEnvironmentVariable("REGIONDESK_PASSWORD");
    if (password.isEmpty())
        password = readPassword(CommandLine::tr("Password for %1: ").arg(options.user));
    QNetworkReply *reply = api.signIn(options.user, password);
    const QByteArray body = finish(reply);
    const ApiError error = ApiClient::errorOf(reply, body);
    reply->deleteLater();
    if (error.isError()) {
        fail(error.status == 401 ? CommandLine::tr("Wrong user name or password.")
                                 : error.toUserText());
        return std::nullopt;
    }
    auto session = ApiClient::sessionFromJson(server, QJsonDocument::fromJson(body).object());
    if (!session) {
        fail(CommandLine::tr("The server's answer to signing in cannot be read."));
        return std::nullopt;
    }
    console::err(CommandLine::tr("Signed in as %1 (%2).")
                     .arg(session->user.displayName, toCode(session->user.role)));
    return session;
}

void showProgress(const SyncProgress &p)
{
    console::write(console::Stream::Err,
                   QLatin1Char('\r') +
                       CommandLine::tr("sent %1 of %2 action(s); received %3 "
                                       "complaint(s), %4 removed, %5 page(s), %6 MB")
                           .arg(p.actionsSent)
                           .arg(p.actionsToSend)
                           .arg(p.records)
                           .arg(p.tombstones)
                           .arg(p.pages)
                           .arg(double(p.bytes) / 1e6, 0, 'f', 1));
}

// Each wait below ends on a signal that may come before the loop runs (a
// cache of another account fails inside start()), so each is guarded:
// never a loop waiting for what already happened.
SyncResult runOnce(SyncEngine &engine)
{
    SyncResult result;
    QEventLoop loop;
    bool done = false;
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncResult &r) {
        result = r;
        done = true;
        loop.quit();
    });
    engine.start();
    if (!done)
        loop.exec();
    return result;
}

// The text index of what came in, before the cache is used offline.
void indexSearch(SyncEngine &engine)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(&engine, &SyncEngine::searchIndexChanged, &loop, [&](qint64 remaining) {
        if (remaining == 0) {
            done = true;
            loop.quit();
        }
    });
    QObject::connect(&engine, &SyncEngine::searchIndexStopped, &loop, [&](const QString &message) {
        console::err(QStringLiteral("regiondesk: ") + message);
        done = true;
        loop.quit();
    });
    engine.indexSearchInBackground();
    if (!done)
        loop.exec();
}

void printSummary(const SyncResult &result)
{
    const SyncProgress &p = result.progress;
    console::out(
        CommandLine::tr("%1: %2 complaint(s) received, %3 removed; "
                        "%4 action(s) sent, %5 refused, %6 in "
                        "conflict, %7 to retry.")
            .arg(result.succeeded() ? CommandLine::tr("Synchronised") : CommandLine::tr("Stopped"))
            .arg(p.records)
            .arg(p.tombstones)
            .arg(result.actionsDone)
            .arg(result.actionsFailed)
            .arg(result.conflicts)
            .arg(result.actionsDeferred));
    if (p.expired > 0)
        console::out(CommandLine::tr("%n closed complaint(s) unchanged for longer than the "
                                     "retention period left the cache.",
                                     nullptr, int(p.expired)));
}

// Who the cache was synchronised for, so a report made from it later
// (`regiondesk report`, with no one signed in) names them and their agency.
void recordUser(const QString &cachePath, const QByteArray &key, const UserInfo &user)
{
    try {
        CacheOptions options;
        options.key = key;
        LocalCache::open(cachePath, options)
            ->setUser({user.login, user.displayName, user.agencyId});
    } catch (const CacheError &error) {
        console::err(QStringLiteral("regiondesk: ") + error.message());
    }
}

} // namespace

int runSyncCommand(const CommandLine &options)
{
    // The progress line says it all; the engine's own log is for the desk's log file.
    QLoggingCategory::setFilterRules(QStringLiteral("regiondesk.*.info=false"));
    QNetworkAccessManager network;
    ApiClient api(&network);
    const QUrl server = normalizedServer(QUrl(options.server));
    api.setServer(server);
    const auto tls = ApiClient::tlsConfiguration(options.caFile);
    if (!tls)
        return fail(tls.error.toString());
    api.setTlsConfiguration(*tls.value);
    const auto session = signIn(api, server, options);
    if (!session)
        return 1;

    SyncEngine::Options engineOptions;
    engineOptions.cacheOptions.key = options.cacheKey;
    engineOptions.retentionMonths = options.retentionMonths;
    SyncEngine engine(options.cachePath, &network, engineOptions);
    engine.setTlsConfiguration(*tls.value);
    engine.setSession(session->server, session->token,
                      accountKey(session->server, session->user.login));
    // A live progress line on a terminal; in a log (a scheduled run) only the summary.
    const bool terminal = console::isTerminal(console::Stream::Err);
    if (terminal)
        QObject::connect(&engine, &SyncEngine::progressChanged, &showProgress);
    const SyncResult result = runOnce(engine);
    if (terminal)
        console::write(console::Stream::Err, QStringLiteral("\n"));
    if (result.succeeded()) {
        indexSearch(engine);
        recordUser(options.cachePath, options.cacheKey, session->user);
    }

    api.setToken(session->token);
    QNetworkReply *signOut = api.remove(QStringLiteral("/api/v1/session"));
    finish(signOut);
    signOut->deleteLater();
    printSummary(result);
    if (!result.succeeded())
        return fail(result.message);
    return 0;
}

} // namespace rd::app
