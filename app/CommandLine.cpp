#include "CommandLine.h"

#include <algorithm>

#include <QCommandLineParser>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

#include <cstdio>
#include <cstdlib>

namespace rd::app {

namespace {

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "regiondesk: %s\n", qPrintable(message));
    std::exit(2);
}

} // namespace

bool CommandLine::isHeadless(int argc, char **argv)
{
    // The desk window takes only the options below; anything else is a
    // command, --help/--version, or an error to report, none of which needs
    // a display.
    static const QList<QByteArray> deskOptions{"--cache",  "-c",     "--language", "--screenshot",
                                               "--server", "--user", "--ca-file"};
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (deskOptions.contains(arg)) {
            ++i;
            continue;
        }
        const auto withValue = [&](const QByteArray &option) {
            return option.startsWith("--") && arg.startsWith(option + '=');
        };
        if (std::any_of(deskOptions.begin(), deskOptions.end(), withValue))
            continue;
        return true;
    }
    return false;
}

bool CommandLine::isReport(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]) == "report")
            return true;
    }
    return false;
}

QString CommandLine::defaultCachePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("cache.sqlite"));
}

CommandLine CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("RegionDesk: the desk of officials who answer citizens' complaints.\n\n"
           "Commands:\n"
           "  (none)        open the desk window: sign in (--server and --user fill in the\n"
           "                sign-in dialog; with REGIONDESK_PASSWORD set it signs in at once)\n"
           "  demo-cache    fill the local cache with generated demo complaints (Omsk)\n"
           "  check-cache   check the local cache file for damage\n"
           "  sync          sign in and synchronise the local cache once (--server, --user;\n"
           "                the password is read from the terminal, or from the\n"
           "                REGIONDESK_PASSWORD environment variable)\n"
           "  report        write a report from the local cache (--period, --agency,\n"
           "                --format, --out), e.g. for a scheduled task:\n"
           "                regiondesk report --period month --format pdf --out month.pdf"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption cache(QStringList{QStringLiteral("c"), QStringLiteral("cache")},
                                   tr("Use the local cache at <file> (default: %1).")
                                       .arg(QDir::toNativeSeparators(defaultCachePath())),
                                   tr("file"));
    const QCommandLineOption language(QStringLiteral("language"),
                                      tr("User interface language: ru or en (default: the "
                                         "system's)."),
                                      tr("code"));
    const QCommandLineOption count(
        QStringLiteral("count"), tr("demo-cache: how many complaints to generate (default 5000)."),
        tr("n"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  tr("demo-cache: seed of the generator (default 59)."), tr("n"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        tr("Open the window, save a picture of it to <file> (PNG) "
                                           "and quit; for documentation and checks."),
                                        tr("file"));
    const QCommandLineOption server(
        QStringLiteral("server"),
        tr("sync and desk: the server's address, e.g. https://desk.example.ru"), tr("url"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  tr("sync and desk: the user name to sign in as."), tr("name"));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"),
        tr("sync and desk: also trust the CA certificate(s) in <file> (PEM)."), tr("file"));
    const QCommandLineOption period(
        QStringLiteral("period"),
        tr("report: week, month, quarter or year (the one containing today), or "
           "YYYY-MM-DD..YYYY-MM-DD (default: month)."),
        tr("period"));
    const QCommandLineOption agency(QStringLiteral("agency"),
                                    tr("report: the agency's number in the catalogue (default: "
                                       "all agencies in the cache)."),
                                    tr("id"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("report: pdf, csv or xlsx (default: from --out's "
                                       "extension)."),
                                    tr("format"));
    const QCommandLineOption out(QStringLiteral("out"), tr("report: the file to write."),
                                 tr("file"));
    const QCommandLineOption landscape(QStringLiteral("landscape"),
                                       tr("report: A4 landscape instead of portrait (PDF)."));
    const QCommandLineOption resetSettings(
        QStringLiteral("reset-settings"),
        tr("Forget this user's settings (window layout, recent servers, language, map) and "
           "quit. Caches, drafts and unsent work are kept; the administrator's settings "
           "still apply."));
    parser.addOptions({cache, language, count, seed, screenshot, server, user, caFile, period,
                       agency, format, out, landscape, resetSettings});
    parser.addPositionalArgument(QStringLiteral("command"), tr("What to do (see above)."),
                                 QStringLiteral("[command]"));
    parser.process(arguments);

    CommandLine result;
    result.cachePath = parser.isSet(cache) ? parser.value(cache) : defaultCachePath();
    result.cacheGiven = parser.isSet(cache);
    result.language = parser.value(language);
    result.screenshotPath = parser.value(screenshot);
    result.server = parser.value(server);
    result.user = parser.value(user);
    result.caFile = parser.value(caFile);
    result.resetSettings = parser.isSet(resetSettings);
    if (!result.language.isEmpty() && result.language != QLatin1String("ru") &&
        result.language != QLatin1String("en"))
        fail(tr("unknown language \"%1\"; use ru or en").arg(result.language));
    if (parser.isSet(count)) {
        bool ok = false;
        result.count = parser.value(count).toInt(&ok);
        if (!ok || result.count < 0 || result.count > 5'000'000)
            fail(tr("--count takes a number from 0 to 5000000"));
    }
    if (parser.isSet(seed)) {
        bool ok = false;
        result.seed = parser.value(seed).toUInt(&ok);
        if (!ok)
            fail(tr("--seed takes a non-negative number"));
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        fail(tr("one command at a time, please: %1").arg(positional.join(QLatin1Char(' '))));
    if (!positional.isEmpty()) {
        const QString &name = positional.first();
        if (name == QLatin1String("demo-cache"))
            result.command = Command::DemoCache;
        else if (name == QLatin1String("check-cache"))
            result.command = Command::CheckCache;
        else if (name == QLatin1String("sync"))
            result.command = Command::Sync;
        else if (name == QLatin1String("report"))
            result.command = Command::Report;
        else
            fail(tr("unknown command \"%1\"; see --help").arg(name));
    }
    if (result.command == Command::Report) {
        if (parser.isSet(period))
            result.period = parser.value(period);
        static const QStringList presets{QStringLiteral("week"), QStringLiteral("month"),
                                         QStringLiteral("quarter"), QStringLiteral("year")};
        const QStringList range = result.period.split(QStringLiteral(".."));
        const bool rangeOk =
            range.size() == 2 && QDate::fromString(range[0], Qt::ISODate).isValid() &&
            QDate::fromString(range[1], Qt::ISODate).isValid() &&
            QDate::fromString(range[0], Qt::ISODate) <= QDate::fromString(range[1], Qt::ISODate);
        if (!presets.contains(result.period) && !rangeOk)
            fail(tr("--period takes week, month, quarter, year or YYYY-MM-DD..YYYY-MM-DD"));
        if (parser.isSet(agency)) {
            bool ok = false;
            const int id = parser.value(agency).toInt(&ok);
            if (!ok || id <= 0)
                fail(tr("--agency takes the agency's number"));
            result.agency = id;
        }
        result.out = parser.value(out);
        if (result.out.isEmpty())
            fail(tr("report needs --out"));
        result.format = parser.isSet(format) ? parser.value(format).toLower()
                                             : QFileInfo(result.out).suffix().toLower();
        if (result.format != QLatin1String("pdf") && result.format != QLatin1String("csv") &&
            result.format != QLatin1String("xlsx"))
            fail(tr("--format takes pdf, csv or xlsx"));
        result.landscape = parser.isSet(landscape);
    }
    if (result.command == Command::Sync) {
        const QUrl url(result.server);
        if (result.server.isEmpty() || !url.isValid() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
            url.host().isEmpty())
            fail(tr("sync needs --server with an http:// or https:// address"));
        if (result.user.isEmpty())
            fail(tr("sync needs --user"));
    }
    return result;
}

} // namespace rd::app
