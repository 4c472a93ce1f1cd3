#include "CommandLine.h"

#include "Console.h"
#include "report/Report.h"

#include <algorithm>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

#include <cstdlib>

namespace rd::app {

namespace {

[[noreturn]] void fail(const QString &message)
{
    console::err(QStringLiteral("regiondesk: ") + message);
    std::exit(2);
}

// parser.process(arguments), with help, version and errors written through
// Console.h where a Windows console is there to show them. Qt writes them in
// the ANSI code page (cp1251), which the console (cp866) shows garbled; a
// GUI-subsystem regiondesk.exe with no console gets Qt's message box.
void process(QCommandLineParser &parser, const QStringList &arguments)
{
#ifdef Q_OS_WIN
    if (console::hasConsole()) {
        const QString name = QCoreApplication::applicationName();
        if (!parser.parse(arguments)) {
            console::err(name + QStringLiteral(": ") + parser.errorText());
            std::exit(EXIT_FAILURE);
        }
        const QStringList given = parser.optionNames();
        if (given.contains(QStringLiteral("version")) || given.contains(QStringLiteral("v"))) {
            console::out(name + QLatin1Char(' ') + QCoreApplication::applicationVersion());
            std::exit(EXIT_SUCCESS);
        }
        for (const char *help : {"help", "h", "?", "help-all"}) {
            if (given.contains(QLatin1String(help))) {
                console::write(console::Stream::Out, parser.helpText());
                std::exit(EXIT_SUCCESS);
            }
        }
        return;
    }
#endif
    parser.process(arguments);
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

namespace {

QString description()
{
    return CommandLine::tr(
        "RegionDesk: the desk of officials who answer citizens' complaints.\n\n"
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
        "                regiondesk report --period previous-month --out month.pdf\n"
        "                (regiondesk report --help: its options and periods)");
}

// `regiondesk report --help`.
QString reportDescription()
{
    return CommandLine::tr(
        "regiondesk report: write a report from the local cache, offline (a scheduled task\n"
        "runs `regiondesk sync` first). It has two views: the complaints received in the\n"
        "period, and the state at the end of the period (open, overdue and for how long, by\n"
        "agency and category).\n\n"
        "Periods (--period):\n"
        "  previous-month    the whole month that ended: the default, and the one for a\n"
        "                    monthly schedule; likewise previous-week, previous-quarter,\n"
        "                    previous-year\n"
        "  this-month        from the 1st to today (on the 1st, one day); also \"month\",\n"
        "                    and likewise this-week, this-quarter, this-year (or week,\n"
        "                    quarter, year)\n"
        "  YYYY-MM-DD..YYYY-MM-DD   from and to, both included\n\n"
        "Examples:\n"
        "  regiondesk report --period previous-month --out month.pdf\n"
        "  regiondesk report --period 2026-01-01..2026-03-31 --agency 1 --out q1.xlsx");
}

// Every option the program takes.
struct Options
{
    QCommandLineOption cache{QStringList{QStringLiteral("c"), QStringLiteral("cache")},
                             CommandLine::tr("Use the local cache at <file> (default: %1).")
                                 .arg(QDir::toNativeSeparators(CommandLine::defaultCachePath())),
                             CommandLine::tr("file")};
    QCommandLineOption language{QStringLiteral("language"),
                                CommandLine::tr("User interface language: ru or en (default: the "
                                                "system's)."),
                                CommandLine::tr("code")};
    QCommandLineOption count{
        QStringLiteral("count"),
        CommandLine::tr("demo-cache: how many complaints to generate (default 5000)."),
        CommandLine::tr("n")};
    QCommandLineOption seed{QStringLiteral("seed"),
                            CommandLine::tr("demo-cache: seed of the generator (default 59)."),
                            CommandLine::tr("n")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        CommandLine::tr("Open the window, save a picture of it to <file> (PNG) "
                        "and quit; for documentation and checks."),
        CommandLine::tr("file")};
    QCommandLineOption server{
        QStringLiteral("server"),
        CommandLine::tr("sync and desk: the server's address, e.g. https://desk.example.ru"),
        CommandLine::tr("url")};
    QCommandLineOption user{QStringLiteral("user"),
                            CommandLine::tr("sync and desk: the user name to sign in as."),
                            CommandLine::tr("name")};
    QCommandLineOption caFile{
        QStringLiteral("ca-file"),
        CommandLine::tr("sync and desk: also trust the CA certificate(s) in <file> (PEM)."),
        CommandLine::tr("file")};
    QCommandLineOption period{
        QStringLiteral("period"),
        CommandLine::tr("report: previous-month (the default), previous-week, -quarter, -year; "
                        "this-month (to today), this-week, -quarter, -year; or "
                        "YYYY-MM-DD..YYYY-MM-DD."),
        CommandLine::tr("period")};
    QCommandLineOption today{
        QStringLiteral("today"),
        CommandLine::tr("report: count the period from this day instead of today "
                        "(YYYY-MM-DD; to make a missed scheduled report)."),
        CommandLine::tr("date")};
    QCommandLineOption author{
        QStringLiteral("author"),
        CommandLine::tr("report: who the report says made it (default: the user the cache "
                        "was synchronised for)."),
        CommandLine::tr("name")};
    QCommandLineOption agency{
        QStringLiteral("agency"),
        CommandLine::tr("report: the agency's number in the catalogue (default: "
                        "all agencies in the cache)."),
        CommandLine::tr("id")};
    QCommandLineOption format{QStringLiteral("format"),
                              CommandLine::tr("report: pdf, csv or xlsx (default: from --out's "
                                              "extension)."),
                              CommandLine::tr("format")};
    QCommandLineOption out{QStringLiteral("out"), CommandLine::tr("report: the file to write."),
                           CommandLine::tr("file")};
    QCommandLineOption landscape{
        QStringLiteral("landscape"),
        CommandLine::tr("report: A4 landscape instead of portrait (PDF).")};
    QCommandLineOption resetSettings{
        QStringLiteral("reset-settings"),
        CommandLine::tr(
            "Forget this user's settings (window layout, recent servers, language, map) and "
            "quit. Caches, drafts and unsent work are kept; the administrator's settings "
            "still apply.")};

    QList<QCommandLineOption> all() const
    {
        return {cache,  language, count,  seed,   screenshot, server, user,      caFile,
                period, today,    agency, author, format,     out,    landscape, resetSettings};
    }
    // What `regiondesk report --help` lists.
    QList<QCommandLineOption> report() const
    {
        return {cache, language, period, today, agency, author, format, out, landscape};
    }
};

CommandLine::Command commandNamed(const QStringList &positional)
{
    if (positional.size() > 1)
        fail(CommandLine::tr("one command at a time, please: %1")
                 .arg(positional.join(QLatin1Char(' '))));
    if (positional.isEmpty())
        return CommandLine::Command::Desk;
    const QString &name = positional.first();
    if (name == QLatin1String("demo-cache"))
        return CommandLine::Command::DemoCache;
    if (name == QLatin1String("check-cache"))
        return CommandLine::Command::CheckCache;
    if (name == QLatin1String("sync"))
        return CommandLine::Command::Sync;
    if (name == QLatin1String("report"))
        return CommandLine::Command::Report;
    fail(CommandLine::tr("unknown command \"%1\"; see --help").arg(name));
}

bool isPeriod(const QString &period)
{
    if (reportPeriodNamed(period))
        return true;
    const QStringList range = period.split(QStringLiteral(".."));
    if (range.size() != 2)
        return false;
    const QDate from = QDate::fromString(range[0], Qt::ISODate);
    const QDate to = QDate::fromString(range[1], Qt::ISODate);
    return from.isValid() && to.isValid() && from <= to;
}

void readReport(const QCommandLineParser &parser, const Options &o, CommandLine &result)
{
    if (parser.isSet(o.period))
        result.period = parser.value(o.period);
    if (!isPeriod(result.period))
        fail(CommandLine::tr("--period takes %1 or YYYY-MM-DD..YYYY-MM-DD; see report --help")
                 .arg(reportPeriodNames().join(QStringLiteral(", "))));
    if (parser.isSet(o.today)) {
        result.today = QDate::fromString(parser.value(o.today), Qt::ISODate);
        if (!result.today.isValid())
            fail(CommandLine::tr("--today takes a date YYYY-MM-DD"));
    }
    result.author = parser.value(o.author).trimmed();
    if (parser.isSet(o.agency)) {
        bool ok = false;
        const int id = parser.value(o.agency).toInt(&ok);
        if (!ok || id <= 0)
            fail(CommandLine::tr("--agency takes the agency's number"));
        result.agency = id;
    }
    result.out = parser.value(o.out);
    if (result.out.isEmpty())
        fail(CommandLine::tr("report needs --out"));
    result.format = parser.isSet(o.format) ? parser.value(o.format).toLower()
                                           : QFileInfo(result.out).suffix().toLower();
    if (result.format != QLatin1String("pdf") && result.format != QLatin1String("csv") &&
        result.format != QLatin1String("xlsx"))
        fail(CommandLine::tr("--format takes pdf, csv or xlsx"));
    result.landscape = parser.isSet(o.landscape);
}

void checkSync(const CommandLine &result)
{
    const QUrl url(result.server);
    if (result.server.isEmpty() || !url.isValid() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
        url.host().isEmpty())
        fail(CommandLine::tr("sync needs --server with an http:// or https:// address"));
    if (result.user.isEmpty())
        fail(CommandLine::tr("sync needs --user"));
}

void readDemoOptions(const QCommandLineParser &parser, const Options &o, CommandLine &result)
{
    if (parser.isSet(o.count)) {
        bool ok = false;
        result.count = parser.value(o.count).toInt(&ok);
        if (!ok || result.count < 0 || result.count > 5'000'000)
            fail(CommandLine::tr("--count takes a number from 0 to 5000000"));
    }
    if (parser.isSet(o.seed)) {
        bool ok = false;
        result.seed = parser.value(o.seed).toUInt(&ok);
        if (!ok)
            fail(CommandLine::tr("--seed takes a non-negative number"));
    }
}

} // namespace

namespace {

void addAll(QCommandLineParser &parser, const Options &o)
{
    parser.setApplicationDescription(description());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(o.all());
    parser.addPositionalArgument(QStringLiteral("command"),
                                 CommandLine::tr("What to do (see above)."),
                                 QStringLiteral("[command]"));
}

// `regiondesk report --help` (or -h): the report's own options and periods,
// then exit; anything else goes on to the general parser.
void showReportHelpIfAsked(const QStringList &arguments, const Options &o)
{
    QCommandLineParser probe;
    addAll(probe, o);
    if (!probe.parse(arguments) || !probe.isSet(QStringLiteral("help")) ||
        probe.positionalArguments() != QStringList{QStringLiteral("report")})
        return;
    QCommandLineParser help;
    help.setApplicationDescription(reportDescription());
    help.addHelpOption();
    help.addOptions(o.report());
    help.addPositionalArgument(QStringLiteral("report"),
                               CommandLine::tr("Write a report (see above)."),
                               QStringLiteral("report"));
#ifdef Q_OS_WIN
    if (console::hasConsole()) {
        console::write(console::Stream::Out, help.helpText());
        std::exit(EXIT_SUCCESS);
    }
#endif
    help.showHelp(0);
}

} // namespace

CommandLine CommandLine::parse(const QStringList &arguments)
{
    const Options o;
    showReportHelpIfAsked(arguments, o);
    QCommandLineParser parser;
    addAll(parser, o);
    process(parser, arguments);

    CommandLine result;
    result.cachePath = parser.isSet(o.cache) ? parser.value(o.cache) : defaultCachePath();
    result.cacheGiven = parser.isSet(o.cache);
    result.language = parser.value(o.language);
    result.screenshotPath = parser.value(o.screenshot);
    result.server = parser.value(o.server);
    result.user = parser.value(o.user);
    result.caFile = parser.value(o.caFile);
    result.resetSettings = parser.isSet(o.resetSettings);
    if (!result.language.isEmpty() && result.language != QLatin1String("ru") &&
        result.language != QLatin1String("en"))
        fail(tr("unknown language \"%1\"; use ru or en").arg(result.language));
    readDemoOptions(parser, o, result);
    result.command = commandNamed(parser.positionalArguments());
    if (result.command == Command::Report)
        readReport(parser, o, result);
    if (result.command == Command::Sync)
        checkSync(result);
    return result;
}

} // namespace rd::app
