// DeskShell: signing out, and wiping this computer's copy of the account
// (docs/cache.md, "Wipe"; docs/deployment.md, cache/wipeOnSignOut).
#include "DeskShell.h"

#include "CacheError.h"
#include "Connection.h"
#include "DeskWindow.h"
#include "LocalCache.h"
#include "PhotoCache.h"
#include "SessionManager.h"

#include <QDir>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>

namespace rd {

Q_DECLARE_LOGGING_CATEGORY(lcDesk)

void DeskShell::signOut()
{
    const SignOutChoice choice = m_cache ? askSignOut() : SignOutChoice::Keep;
    if (choice == SignOutChoice::Cancel)
        return;
    // Said at sign-in: signing out may report before the wipe has run.
    if (choice == SignOutChoice::Wipe)
        m_wipeNote = wipedNote();
    m_connection->clearToken();
    if (m_window && m_sessions->session())
        m_window->setUser(m_sessions->session()->user, false);
    m_sessions->signOut();
    // Not from inside the window's own signal: the window goes with the wipe.
    if (choice == SignOutChoice::Wipe)
        QMetaObject::invokeMethod(this, &DeskShell::wipeAccount, Qt::QueuedConnection);
}

DeskShell::SignOutChoice DeskShell::askSignOut()
{
    qint64 actions = 0;
    qint64 drafts = 0;
    if (m_window)
        m_window->saveWork(); // what is being typed counts as a draft
    try {
        actions = m_cache->outbox().count();
        drafts = m_cache->drafts().count();
    } catch (const CacheError &error) {
        qCWarning(lcDesk) << "unsent work not counted:" << error.message();
    }
    QMessageBox box(m_window.get());
    box.setObjectName(QStringLiteral("signOutBox"));
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(tr("Sign out"));
    box.setText(m_options.wipeOnSignOut
                    ? tr("Your administrator requires this computer's copy of your complaints "
                         "to be wiped when you sign out.")
                    : tr("Keep this computer's copy of your complaints for working offline, "
                         "or wipe it?"));
    QString details = tr("Wiping removes the local cache, its photos and its key from this "
                         "computer; signing in again downloads your complaints anew.");
    if (actions > 0 || drafts > 0)
        details += QStringLiteral("\n\n") +
                   tr("Not yet sent: %n action(s)", nullptr, int(actions)) + QStringLiteral(", ") +
                   tr("%n draft(s)", nullptr, int(drafts)) + QStringLiteral(". ") +
                   tr("Wiping now loses them; cancel and synchronise first to keep them.");
    box.setInformativeText(details);
    QPushButton *wipe = box.addButton(tr("Sign out and &wipe"), QMessageBox::DestructiveRole);
    wipe->setObjectName(QStringLiteral("signOutWipeButton"));
    QPushButton *keep = nullptr;
    if (!m_options.wipeOnSignOut) {
        keep = box.addButton(tr("Sign out and &keep"), QMessageBox::AcceptRole);
        keep->setObjectName(QStringLiteral("signOutKeepButton"));
    }
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("signOutCancelButton"));
    // Work not yet sent makes losing it the last thing an Enter should do.
    box.setDefaultButton(actions > 0 || drafts > 0 ? cancel : (keep ? keep : wipe));
    box.exec();
    if (box.clickedButton() == wipe)
        return SignOutChoice::Wipe;
    if (keep && box.clickedButton() == keep)
        return SignOutChoice::Keep;
    return SignOutChoice::Cancel;
}

QString DeskShell::wipedNote()
{
    return tr("This computer's copy of your complaints was wiped. Sign in to download them "
              "again.");
}

void DeskShell::wipeAccount()
{
    if (!m_cache)
        return;
    const QString path = m_cache->path();
    const QString photos = photoCachePathFor(path);
    closeDesk();
    QStringList left = LocalCache::wipe(path);
    left += LocalCache::wipe(photos);
    if (left.isEmpty()) {
        qCInfo(lcDesk) << "wiped this computer's copy of the account";
        m_wipeNote = wipedNote();
    } else {
        qCWarning(lcDesk) << "wipe: could not remove" << left.size() << "files";
        m_wipeNote = tr("This computer's copy could not be removed completely; remove these "
                        "files by hand:\n%1")
                         .arg(left.join(QLatin1Char('\n')));
    }
    m_keys->forget(path, [this] { showSignIn(m_wipeNote); });
}

void DeskShell::dropExpiredPhotos()
{
    if (!m_cache || !m_photoCache)
        return;
    try {
        for (;;) {
            const QStringList ids = m_cache->media().expiredPhotos();
            if (ids.isEmpty())
                return;
            if (m_photoCache->remove(ids) < 0)
                return; // the photo cache could not be written: the next sync asks again
            m_cache->media().forgetExpiredPhotos(ids);
        }
    } catch (const CacheError &error) {
        qCWarning(lcDesk) << "photos of expired complaints stay until the next sync:"
                          << error.message();
    }
}

} // namespace rd
