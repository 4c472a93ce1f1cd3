#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <QStringList>
#include <optional>

namespace rd::app {

// What the user asked for on the command line.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    enum class Command
    {
        Desk,
        DemoCache,
        CheckCache,
        Sync,
        Report
    };

    Command command = Command::Desk;
    QString cachePath;
    bool cacheGiven = false; // else the desk keeps one cache per account
    QString language;        // "ru", "en", or empty: follow the system
    QString screenshotPath;  // save a picture of the window there and quit
    int count = 5000;
    QString server; // sync: the server's address
    QString user;   // sync: who signs in
    QString caFile; // sync: an extra CA certificate (PEM)
    quint32 seed = 59;
    // report: the period (a preset's name, reportPeriodNames(): "previous-month"
    // and the like, the whole one that ended; "this-month" or "month" and the
    // like, from its first day to today; or "YYYY-MM-DD..YYYY-MM-DD"), the day
    // presets count from (invalid: today), an agency id (none: the cache's
    // user's, or all), who it is by (empty: the cache's user), the format and
    // the file.
    QString period = QStringLiteral("previous-month");
    QDate today;
    std::optional<int> agency;
    QString author;
    QString format; // pdf, csv or xlsx; empty: from the file's extension
    QString out;
    bool landscape = false;
    bool resetSettings = false; // forget the user's settings (not the caches) and quit
    // Not parsed: the cache's key, which main() finds for the command
    // (CommandCacheOptions); empty for a plain cache.
    QByteArray cacheKey;
    // Not an option either: the policy's cache/retentionMonths, for sync.
    int retentionMonths = 12;

    // True when argv asks for something that needs no display (--help,
    // --version, a command-line command), so main() can build a
    // QCoreApplication and work on a server or in CI without a screen.
    static bool isHeadless(int argc, char **argv);

    // Parses the application's arguments; on --help, --version or an error it
    // prints and exits the process, as QCommandLineParser::process does.
    static CommandLine parse(const QStringList &arguments);

    static QString defaultCachePath();
    // Whether argv asks for `regiondesk report` (it paints PDF pages: a GUI
    // application without a window).
    static bool isReport(int argc, char **argv);
};

} // namespace rd::app
