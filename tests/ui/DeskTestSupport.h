#pragma once

// What the desk's widget tests share: a network with an "offline" switch,
// typing as a keyboard does, finding children by name, and a desk shell
// signed in to the test server.

#include "DeskShell.h"
#include "SyncController.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

namespace rd::test {

// The sync's network, with a switch: "offline" sends every request to a
// closed port, as a pulled cable would (connection refused).
class SwitchableNetwork final : public QNetworkAccessManager
{
public:
    explicit SwitchableNetwork(std::atomic<bool> &offline)
        : m_offline(offline)
    {}

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        if (!m_offline)
            return QNetworkAccessManager::createRequest(op, request, outgoingData);
        QNetworkRequest dead = request;
        QUrl url = request.url();
        url.setPort(1);
        dead.setUrl(url);
        return QNetworkAccessManager::createRequest(op, dead, outgoingData);
    }

private:
    std::atomic<bool> &m_offline;
};

// Types text as a keyboard would, Cyrillic included (QTest::keyClicks
// takes Latin-1 only).
inline void type(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

// The passphrase the desk tests' caches are encrypted with.
inline constexpr char TestCachePassphrase[] = "desk-tests-passphrase";

// The options of a shell on the server, signing in as login (password
// "demo") without the dialog, its caches under dataDirectory, no system
// keychain (caches encrypted with TestCachePassphrase), no online tiles, a sync interval longer
// than any test.
inline DeskShell::Options deskOptions(const QString &server, const QString &login,
                                      const QString &dataDirectory)
{
    DeskShell::Options options;
    options.dataDirectory = dataDirectory;
    options.useSystemKeychain = false;
    // No credential store here: the cache's key comes from a passphrase, as
    // on a machine without Secret Service, given as the demo gives it.
    qputenv("REGIONDESK_CACHE_PASSPHRASE", TestCachePassphrase);
    options.onlineTiles = false;
    options.syncIntervalSeconds = 3600;
    options.server = QUrl(server);
    options.login = login;
    options.password = QStringLiteral("demo");
    return options;
}

// Runs check on the first visible top-level widget of type T that appears
// (a modal dialog, while exec() waits), then lets the test go on.
template<typename T>
void whenShown(const std::function<void(T *)> &check, const QString &name = {})
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, check, name] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *found = qobject_cast<T *>(w);
            if (found && found->isVisible() && (name.isEmpty() || found->objectName() == name)) {
                timer->stop();
                timer->deleteLater();
                check(found);
                return;
            }
        }
    });
    timer->start();
}

// Starts the shell and waits for the desk and its first synchronisation.
inline bool openAndSync(DeskShell &shell)
{
    QSignalSpy opened(&shell, &DeskShell::deskOpened);
    shell.start();
    if (!opened.wait(15000))
        return false;
    QSignalSpy finished(shell.sync(), &SyncController::finished);
    return finished.wait(30000);
}

// A shell made from options, its desk open and synchronised once; none if
// either does not happen in time.
inline std::unique_ptr<DeskShell> openSyncedShell(QSettings &s, const DeskShell::Options &options)
{
    auto shell = std::make_unique<DeskShell>(s, options);
    if (!openAndSync(*shell))
        return nullptr;
    return shell;
}

inline bool syncOnce(DeskShell &shell)
{
    // A run that started before the caller's change would not carry it.
    if (!QTest::qWaitFor([&] { return !shell.sync()->status().syncing; }, 30000))
        return false;
    QSignalSpy finished(shell.sync(), &SyncController::finished);
    shell.sync()->syncNow();
    return finished.wait(30000);
}

} // namespace rd::test
