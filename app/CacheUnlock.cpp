#include "CacheUnlock.h"

#include "CacheAccess.h"
#include "CacheError.h"
#include "CacheKeys.h"
#include "PassphraseDialog.h"
#include "sqlite/Database.h"
#include "sqlite/Encryption.h"
#include "sqlite/SqliteError.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QThread>

Q_LOGGING_CATEGORY(lcUnlock, "regiondesk.unlock")

namespace rd {

struct CacheUnlock::Attempt
{
    QString path;
    QString photoPath;
    QString who;
    QPointer<QWidget> parent;
    std::function<void(Result)> done;

    void finish(Result result)
    {
        if (!done)
            return;
        auto call = std::move(done);
        done = nullptr;
        call(std::move(result));
    }
};

namespace {

// Whether key reads the encrypted file at path (a plain or missing one is
// about to be made with it: yes).
bool opensWith(const QString &path, const QByteArray &key)
{
    if (sqlite::fileKind(path) != sqlite::FileKind::NotPlain)
        return true;
    try {
        sqlite::Database db(path, sqlite::Database::OpenMode::ReadOnly, key);
        return true;
    } catch (const sqlite::Error &) {
        return false;
    }
}

void removeWithCompanions(const QString &path)
{
    const QStringList files = sqlite::companionFiles(path) << path;
    for (const QString &file : files)
        QFile::remove(file);
}

} // namespace

CacheUnlock::CacheUnlock(CacheKeys &keys, QObject *parent)
    : QObject(parent)
    , m_keys(keys)
{}

void CacheUnlock::open(const QString &cachePath, const QString &photoCachePath, const QString &who,
                       QWidget *parent, std::function<void(Result)> done)
{
    auto attempt =
        std::make_shared<Attempt>(Attempt{cachePath, photoCachePath, who, parent, std::move(done)});
    m_keys.obtain(cachePath, [this, attempt](const CacheKeys::Outcome &outcome) {
        switch (outcome.kind) {
        case CacheKeys::Outcome::Kind::Key:
            withKey(attempt, outcome.key);
            return;
        case CacheKeys::Outcome::Kind::Plain:
            qCWarning(lcUnlock) << "the local cache is not encrypted: the administrator's "
                                   "policy says cache/protection=none";
            withKey(attempt, {});
            return;
        case CacheKeys::Outcome::Kind::NeedsPassphrase:
            askPassphrase(attempt, outcome.choosing, outcome.reason);
            return;
        case CacheKeys::Outcome::Kind::Lost:
            offerFresh(attempt, {});
            return;
        case CacheKeys::Outcome::Kind::Unavailable:
            offerRetry(attempt, outcome.reason);
            return;
        }
    });
}

void CacheUnlock::withKey(std::shared_ptr<Attempt> attempt, const QByteArray &key)
{
    CacheOptions options;
    options.key = key;
    if (LocalCache::needsEncrypting(attempt->path, options) ||
        (!key.isEmpty() && sqlite::fileKind(attempt->photoPath) == sqlite::FileKind::Plain)) {
        encryptFirst(attempt, key);
        return;
    }
    try {
        attempt->finish({LocalCache::open(attempt->path, options), {}});
    } catch (const CacheError &error) {
        if (error.kind() == CacheError::Kind::WrongKey) {
            offerFresh(attempt, error.detail());
            return;
        }
        attempt->finish({nullptr, error.message()});
    }
}

void CacheUnlock::askPassphrase(std::shared_ptr<Attempt> attempt, bool choosing,
                                const QString &reason)
{
    // The demo and kiosk set-ups give it in the environment, as they give
    // the password; never in a file or on the command line.
    const QString given = qEnvironmentVariable("REGIONDESK_CACHE_PASSPHRASE");
    if (!given.isEmpty()) {
        if (choosing && given.size() < CacheKeys::MinPassphraseLength) {
            attempt->finish({nullptr, tr("The passphrase in REGIONDESK_CACHE_PASSPHRASE is too "
                                         "short: a new one has at least %1 characters.")
                                          .arg(CacheKeys::MinPassphraseLength)});
            return;
        }
        const QByteArray key = CacheKeys::keyFromPassphrase(attempt->path, given);
        if (key.isEmpty()) {
            attempt->finish({nullptr, app::CommandCacheOptions::saltNotKept(attempt->path)});
            return;
        }
        if (!opensWith(attempt->path, key)) {
            attempt->finish({nullptr, tr("The passphrase in REGIONDESK_CACHE_PASSPHRASE does not "
                                         "unlock the local cache %1.")
                                          .arg(QDir::toNativeSeparators(attempt->path))});
            return;
        }
        withKey(attempt, key);
        return;
    }
    auto *dialog = new PassphraseDialog(
        choosing ? PassphraseDialog::Mode::Choose : PassphraseDialog::Mode::Unlock, attempt->who,
        reason, CacheKeys::MinPassphraseLength, attempt->parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PassphraseDialog::passphraseEntered, this,
            [this, attempt, dialog](const QString &passphrase) {
                const QByteArray key = CacheKeys::keyFromPassphrase(attempt->path, passphrase);
                if (key.isEmpty()) {
                    dialog->failed(app::CommandCacheOptions::saltNotKept(attempt->path));
                    return;
                }
                if (!opensWith(attempt->path, key)) {
                    dialog->failed(tr("This passphrase does not unlock the local cache."));
                    return;
                }
                dialog->accept();
                withKey(attempt, key);
            });
    connect(dialog, &QDialog::rejected, this, [attempt] { attempt->finish({nullptr, {}}); });
    dialog->open();
}

void CacheUnlock::encryptFirst(std::shared_ptr<Attempt> attempt, const QByteArray &key)
{
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto error = std::make_shared<QString>();
    auto *progress = new QProgressDialog(
        tr("Encrypting the complaints kept on this computer. This is done once; the larger the "
           "cache, the longer it takes."),
        tr("Cancel"), 0, 0, attempt->parent);
    progress->setObjectName(QStringLiteral("encryptingProgress"));
    progress->setWindowTitle(tr("Encrypting the local cache"));
    progress->setWindowModality(Qt::ApplicationModal);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    QThread *worker = QThread::create([attempt, key, cancel, error] {
        try {
            LocalCache::encrypt(attempt->path, key, cancel.get());
        } catch (const CacheError &failure) {
            *error = failure.message();
            return;
        }
        if (sqlite::fileKind(attempt->photoPath) != sqlite::FileKind::Plain)
            return;
        try {
            sqlite::encryptInPlace(attempt->photoPath, key, cancel.get());
        } catch (const sqlite::Error &failure) {
            // Only copies that can be fetched again: not worth a plain file.
            qCWarning(lcUnlock) << "plain photo cache removed:" << failure.message();
            removeWithCompanions(attempt->photoPath);
        }
    });
    connect(progress, &QProgressDialog::canceled, progress, [cancel] { cancel->store(true); });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [this, attempt, key, cancel, error, progress] {
        progress->deleteLater();
        if (cancel->load()) {
            attempt->finish({nullptr, tr("Encrypting the local cache was cancelled, so it stays "
                                         "closed: RegionDesk opens it only encrypted. Nothing "
                                         "was lost; the next start goes on from there.")});
            return;
        }
        if (!error->isEmpty()) {
            attempt->finish({nullptr, *error});
            return;
        }
        withKey(attempt, key);
    });
    progress->show();
    worker->start();
}

void CacheUnlock::offerRetry(std::shared_ptr<Attempt> attempt, const QString &why)
{
    // The key is there, out of reach for now: never "lost", nothing set aside.
    QMessageBox box(QMessageBox::Warning, tr("RegionDesk"),
                    tr("The complaints of %1 kept on this computer are encrypted with a key in "
                       "the system's credential store, which did not answer. Unlock the "
                       "credential store (or start its service), then try again.")
                        .arg(attempt->who),
                    QMessageBox::NoButton, attempt->parent);
    box.setObjectName(QStringLiteral("keyUnavailableBox"));
    box.setDetailedText(why);
    QPushButton *retry = box.addButton(tr("Try again"), QMessageBox::AcceptRole);
    retry->setObjectName(QStringLiteral("keyRetryButton"));
    box.addButton(QMessageBox::Close);
    box.exec();
    if (box.clickedButton() == retry) {
        open(attempt->path, attempt->photoPath, attempt->who, attempt->parent,
             std::move(attempt->done));
        return;
    }
    attempt->finish({nullptr, tr("The local cache %1 stays locked until the credential store "
                                 "gives its key.")
                                  .arg(QDir::toNativeSeparators(attempt->path))});
}

void CacheUnlock::offerFresh(std::shared_ptr<Attempt> attempt, const QString &detail)
{
    QMessageBox box(QMessageBox::Warning, tr("RegionDesk"),
                    tr("The complaints of %1 kept on this computer are encrypted, and their key "
                       "is not here any more (the system's credential store lost it, or the "
                       "cache came from another user or computer). RegionDesk can set the cache "
                       "aside and download the complaints again; drafts and actions not yet sent "
                       "cannot be read without the old key.")
                        .arg(attempt->who),
                    QMessageBox::NoButton, attempt->parent);
    box.setObjectName(QStringLiteral("keyLostBox"));
    box.setDetailedText(detail.isEmpty() ? QDir::toNativeSeparators(attempt->path) : detail);
    QPushButton *fresh = box.addButton(tr("Set aside and start again"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Close);
    box.exec();
    if (box.clickedButton() != fresh) {
        attempt->finish({nullptr, tr("The local cache %1 was left as it is.")
                                      .arg(QDir::toNativeSeparators(attempt->path))});
        return;
    }
    try {
        const LocalCache::Recovery recovery = LocalCache::setAsideAndRecreate(attempt->path);
        qCInfo(lcUnlock) << "the cache whose key was lost is kept as" << recovery.backupPath;
    } catch (const CacheError &error) {
        attempt->finish({nullptr, error.message()});
        return;
    }
    // A new key for the new, still empty cache; the photo cache starts afresh.
    removeWithCompanions(attempt->photoPath);
    m_keys.forget(attempt->path, [this, attempt] {
        open(attempt->path, attempt->photoPath, attempt->who, attempt->parent,
             std::move(attempt->done));
    });
}

} // namespace rd
