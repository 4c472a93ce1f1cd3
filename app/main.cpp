// RegionDesk's entry point: the one place where objects are built and wired.

#include "AdminPolicy.h"
#include "CacheAccess.h"
#include "CacheError.h"
#include "Clock.h"
#include "CommandLine.h"
#include "Console.h"
#include "DemoGenerator.h"
#include "DeskSettings.h"
#include "DeskShell.h"
#include "DeskWindow.h"
#include "LocalCache.h"
#include "LogFile.h"
#include "ReportCommand.h"
#include "SignInDialog.h"
#include "SingleInstance.h"
#include "SyncCommand.h"
#include "Theme.h"
#include "Translations.h"
#include "sqlite/Encryption.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkProxyFactory>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <memory>
#include <optional>

using rd::app::CommandLine;
namespace console = rd::app::console;

namespace {

int printError(const rd::CacheError &error)
{
    console::err(QStringLiteral("regiondesk: ") + error.message());
    if (!error.detail().isEmpty())
        console::err(QStringLiteral("regiondesk: (%1)").arg(error.detail()));
    return 1;
}

int fillDemoCache(const CommandLine &options)
{
    QElapsedTimer timer;
    timer.start();
    rd::CacheOptions cacheOptions;
    cacheOptions.key = options.cacheKey;
    const auto cache = rd::LocalCache::open(options.cachePath, cacheOptions);
    rd::demo::DemoGenerator generator(options.seed, rd::Clock::system().now());
    const QList<rd::demo::DemoComplaint> demo = generator.generate(options.count);
    rd::LocalCache::WriteTransaction transaction(*cache);
    cache->catalogue().replace(rd::demo::DemoGenerator::catalogue());
    QList<rd::Complaint> complaints;
    complaints.reserve(demo.size());
    for (const auto &item : demo)
        complaints.append(item.complaint);
    const auto stats = cache->complaints().upsert(complaints);
    for (const auto &item : demo) {
        cache->media().replaceHistory(item.complaint.id, item.history);
        cache->media().replacePhotos(item.complaint.id, item.photos);
    }
    transaction.commit();
    console::out(CommandLine::tr("Wrote %1 demo complaints (%2 not newer than the "
                                 "cache's) to %3 in %4 ms.")
                     .arg(stats.applied)
                     .arg(stats.stale + stats.shadowed)
                     .arg(cache->path())
                     .arg(timer.elapsed()));
    return 0;
}

int checkCache(const CommandLine &options)
{
    rd::CacheOptions cacheOptions;
    cacheOptions.key = options.cacheKey;
    const auto cache = rd::LocalCache::open(options.cachePath, cacheOptions);
    const QStringList problems = cache->quickCheck();
    if (problems.isEmpty()) {
        console::out(CommandLine::tr("The local cache %1 is sound (format %2, %3 "
                                     "complaints).")
                         .arg(cache->path())
                         .arg(cache->schemaVersion())
                         .arg(cache->complaints().count()));
        return 0;
    }
    console::err(CommandLine::tr("The local cache %1 is damaged:").arg(cache->path()));
    for (const QString &problem : problems)
        console::err(QStringLiteral("  ") + problem);
    return 1;
}

// Opens the cache for the desk, offering to set a damaged one aside. With
// nobody to answer a dialog (a screenshot run), the error goes to stderr.
std::unique_ptr<rd::LocalCache> openForDesk(const QString &path, bool interactive)
{
    try {
        return rd::LocalCache::open(path);
    } catch (const rd::CacheError &error) {
        if (!interactive) {
            printError(error);
            return nullptr;
        }
        QMessageBox box(QMessageBox::Critical, QCoreApplication::translate("main", "RegionDesk"),
                        error.message());
        box.setDetailedText(error.detail());
        QPushButton *rebuild = nullptr;
        if (error.kind() == rd::CacheError::Kind::Corrupt)
            rebuild = box.addButton(QCoreApplication::translate("main", "Set aside and rebuild"),
                                    QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Close);
        box.exec();
        if (!rebuild || box.clickedButton() != rebuild)
            return nullptr;
        const rd::LocalCache::Recovery recovery = rd::LocalCache::setAsideAndRecreate(path);
        QMessageBox::information(
            nullptr, QCoreApplication::translate("main", "RegionDesk"),
            QCoreApplication::translate("main", "The damaged cache was kept as %1. Carried over: "
                                                "%2 draft(s) and %3 unsent action(s).")
                .arg(QDir::toNativeSeparators(recovery.backupPath))
                .arg(recovery.draftsRecovered)
                .arg(recovery.actionsRecovered));
        return rd::LocalCache::open(path);
    }
}

rd::DeskShell::Options shellOptionsFor(const CommandLine &options, QSettings &settings,
                                       const rd::AdminPolicy &policy, const QString &dataDirectory)
{
    rd::DeskShell::Options shellOptions;
    shellOptions.cachePath = options.cacheGiven ? options.cachePath : QString();
    shellOptions.dataDirectory = dataDirectory;
    shellOptions.cacheProtection = rd::app::cacheProtectionOf(policy);
    shellOptions.retentionMonths = rd::app::retentionMonthsOf(policy);
    shellOptions.wipeOnSignOut = rd::app::signOutWipeOf(policy) == rd::app::SignOutWipe::Always;
    shellOptions.extraCaFile =
        policy.isLocked(rd::DeskSettings::Key::TlsCaFile) || options.caFile.isEmpty()
            ? rd::DeskSettings(settings).tlsCaFile()
            : options.caFile;
    if (policy.isLocked(rd::DeskSettings::Key::ServerUrl))
        shellOptions.lockedServer = QUrl(policy.value(rd::DeskSettings::Key::ServerUrl).toString());
    shellOptions.server = QUrl(options.server);
    shellOptions.login = options.user;
    // For unattended sign-in (the demo): never on the command line, where
    // other users could read it.
    shellOptions.password = qEnvironmentVariable("REGIONDESK_PASSWORD");
    shellOptions.onlineTiles = options.screenshotPath.isEmpty();
    return shellOptions;
}

// A second start asked for the desk: bring forward what is shown.
void bringForward(rd::DeskShell &shell)
{
    QWidget *front = shell.window() ? static_cast<QWidget *>(shell.window())
                                    : static_cast<QWidget *>(shell.signInDialog());
    if (!front)
        return;
    if (front->isMinimized())
        front->showNormal();
    front->show();
    front->raise();
    front->activateWindow();
}

// How the desk's run ends. QCoreApplication::exit() before exec() has begun
// (a handler run inside shell.start(), or in a nested event loop) would be
// lost and the program would wait for ever: the code is kept, and exec() is
// not entered once it is set.
struct DeskExit
{
    std::optional<int> code;
    void operator()(int value)
    {
        if (!code)
            code = value;
        QCoreApplication::exit(*code);
    }
};

// Saves a picture of `widget` (and says so if it cannot), then ends the run.
void grabAndExit(QWidget *widget, const QString &path, int code, DeskExit &ending)
{
    const bool saved = widget && widget->grab().save(path, "PNG");
    if (!saved)
        console::err(QStringLiteral("regiondesk: cannot write %1").arg(path));
    ending(saved ? code : 1);
}

// --screenshot: a picture of the window after the first synchronisation (or
// after 20 s with what is cached). With no desk to show (no session to
// restore and nobody to sign in), a picture of what is shown, the sign-in
// dialog, as soon as it is up, and exit 2; whatever happens, the run ends
// within a minute with a picture of what is on the screen.
void takeScreenshot(rd::DeskShell &shell, const QString &path, DeskExit &ending)
{
    QObject::connect(&shell, &rd::DeskShell::deskOpened, [&shell, path, &ending] {
        rd::DeskWindow *window = shell.window();
        window->setWindowState(Qt::WindowNoState); // not maximised to the virtual screen
        window->resize(1366, 768);                 // the smallest screen the desk is made for
        const auto grab = [window, path, &ending] { grabAndExit(window, path, 0, ending); };
        QObject::connect(shell.sync(), &rd::SyncController::finished, window,
                         [grab] { QTimer::singleShot(500, grab); });
        QTimer::singleShot(20000, window, grab); // no server: what is cached
    });
    auto *watch = new QTimer(&shell);
    watch->setInterval(200);
    QObject::connect(watch, &QTimer::timeout, &shell, [&shell, path, &ending, watch] {
        rd::SignInDialog *dialog = shell.signInDialog();
        if (shell.window() || !dialog || !dialog->isVisible())
            return;
        watch->stop();
        // Nobody will sign in: the dialog once it has painted, and why.
        QTimer::singleShot(300, &shell, [&shell, path, &ending] {
            console::err(QCoreApplication::translate(
                "main", "regiondesk: no desk opened (signing in is needed: give "
                        "--server, --user and REGIONDESK_PASSWORD); the picture "
                        "shows the sign-in dialog."));
            grabAndExit(shell.signInDialog(), path, 2, ending);
        });
    });
    watch->start();
    QTimer::singleShot(60000, &shell, [&shell, path, &ending] {
        QWidget *shown = shell.window() ? static_cast<QWidget *>(shell.window())
                                        : static_cast<QWidget *>(shell.signInDialog());
        console::err(QCoreApplication::translate(
            "main", "regiondesk: no picture after 60 s; saving what is shown."));
        grabAndExit(shown, path, 2, ending);
    });
}

// The desk: sign in (or restore the session, or work offline), then the
// window on the user's cache. With --screenshot, a picture of the window
// after the first synchronisation, for the docs.
int runDesk(const CommandLine &options, QSettings &settings, const rd::AdminPolicy &policy)
{
    const QString dataDirectory =
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    // The log: beside the data, a size cap (administrators may set it).
    rd::LogFile log(QDir(dataDirectory).filePath(QStringLiteral("logs")),
                    qint64(rd::DeskSettings(settings).logMaxKilobytes()) * 1024);
    log.install();
    qInfo("RegionDesk %s starting", REGIONDESK_VERSION);

    // One desk per user session: a second start brings the first forward.
    rd::SingleInstance instance(rd::SingleInstance::userKey());
    if (options.screenshotPath.isEmpty() && !instance.claim()) {
        console::out(QCoreApplication::translate(
            "main", "RegionDesk is already running; its window was brought "
                    "to the front."));
        return 0;
    }
    if (options.cacheGiven &&
        rd::sqlite::fileKind(options.cachePath) == rd::sqlite::FileKind::Plain) {
        // A damaged cache named on the command line: offer to set it aside
        // first. (An encrypted one is opened with its key by the shell.)
        if (!openForDesk(options.cachePath, options.screenshotPath.isEmpty()))
            return 1;
    }
    rd::applyTheme(rd::themeFromKey(rd::DeskSettings(settings).theme()));
    rd::DeskShell shell(settings, shellOptionsFor(options, settings, policy, dataDirectory));
    QObject::connect(&shell, &rd::DeskShell::deskOpened,
                     [&] { shell.window()->setAdminLocks(policy.lockedKeys(), policy.sources()); });
    QObject::connect(&instance, &rd::SingleInstance::activationRequested,
                     [&shell] { bringForward(shell); });
    DeskExit ending;
    QObject::connect(&shell, &rd::DeskShell::failed, [&ending](const QString &message) {
        if (!message.isEmpty())
            console::err(QStringLiteral("regiondesk: ") + message);
        ending(1);
    });
    if (!options.screenshotPath.isEmpty())
        takeScreenshot(shell, options.screenshotPath, ending);
    shell.start();
    if (ending.code) // it ended before the event loop began
        return *ending.code;
    const int code = QCoreApplication::exec();
    return ending.code.value_or(code);
}

} // namespace

int main(int argc, char *argv[])
{
    const bool headless = CommandLine::isHeadless(argc, argv);
    std::unique_ptr<QCoreApplication> app;
    if (CommandLine::isReport(argc, argv)) {
        // PDF pages need fonts (a GUI application), never a screen.
#ifndef Q_OS_WIN
        // No display either (cron, ssh): the offscreen platform, which
        // finds the fonts through fontconfig.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
        // Windows: the default platform, qwindows. It needs no one signed
        // in at the screen (a scheduled task runs the report as well) and
        // finds the system's fonts; offscreen is not deployed there
        // (windeployqt ships qwindows only) and would find no fonts.
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else if (headless) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        app = std::make_unique<QApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("RegionDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("RegionDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REGIONDESK_VERSION));
    if (auto *gui = qobject_cast<QGuiApplication *>(app.get())) {
        // The desktop entry's name: docks and Wayland match the window to it.
        QGuiApplication::setDesktopFileName(QStringLiteral("org.regiondesk.RegionDesk"));
        QIcon icon;
        for (const int size : {16, 32, 64, 256})
            icon.addFile(QStringLiteral(":/icons/regiondesk-%1.png").arg(size));
        gui->setWindowIcon(icon);
    }

    // Requests go through the proxy the system is set up with (Windows'
    // Internet settings, $http_proxy / $https_proxy elsewhere).
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    // Nothing personal reaches stderr, whichever command runs.
    rd::LogFile::redactStderr();
    const CommandLine options = CommandLine::parse(QCoreApplication::arguments());

    // The user's settings, with what the administrator set written over
    // them (docs/deployment.md).
    QSettings settings;
    if (options.resetSettings) {
        const QString file = settings.fileName();
        settings.clear();
        settings.sync();
        console::out(QCoreApplication::translate(
                         "main", "Settings reset (%1). Caches, drafts and unsent work "
                                 "were kept.")
                         .arg(QDir::toNativeSeparators(file)));
        return settings.status() == QSettings::NoError ? 0 : 1;
    }
    const rd::AdminPolicy policy = rd::AdminPolicy::load();
    policy.applyTo(settings);
    const QString language =
        policy.isLocked(rd::DeskSettings::Key::Language) || options.language.isEmpty()
            ? rd::DeskSettings(settings).language()
            : options.language;
    rd::Translations::use(language);

    try {
        CommandLine command = options;
        if (options.command != CommandLine::Command::Desk) {
            // The cache's key, as the desk finds it (docs/cache.md "Keys").
            const auto access = rd::app::CommandCacheOptions::resolve(
                options.cachePath, rd::app::cacheProtectionOf(policy));
            if (!access.options) {
                console::err(QStringLiteral("regiondesk: ") + access.error);
                return 1;
            }
            command.cacheKey = access.options->key;
            command.retentionMonths = rd::app::retentionMonthsOf(policy);
        }
        switch (options.command) {
        case CommandLine::Command::DemoCache:
            return fillDemoCache(command);
        case CommandLine::Command::CheckCache:
            return checkCache(command);
        case CommandLine::Command::Sync:
            return rd::app::runSyncCommand(command);
        case CommandLine::Command::Report:
            return rd::app::runReportCommand(command);
        case CommandLine::Command::Desk:
            break;
        }
        return runDesk(options, settings, policy);
    } catch (const rd::CacheError &error) {
        return printError(error);
    }
}
