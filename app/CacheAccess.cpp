#include "CacheAccess.h"

#include "AdminPolicy.h"
#include "CredentialStore.h"
#include "DeskSettings.h"
#include "sqlite/Database.h"
#include "sqlite/Encryption.h"
#include "sqlite/SqliteError.h"

#include <QDir>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAccess, "regiondesk.keys")

namespace rd::app {

CacheProtection cacheProtectionOf(const AdminPolicy &policy)
{
    if (!policy.isLocked(DeskSettings::Key::CacheProtection))
        return CacheProtection::Keychain;
    const QString text = policy.value(DeskSettings::Key::CacheProtection).toString();
    if (const auto protection = cacheProtectionFromText(text))
        return *protection;
    qCWarning(lcAccess) << "unknown cache/protection" << text
                        << "in the administrator's policy; "
                           "the cache is protected with a key in the credential store";
    return CacheProtection::Keychain;
}

int retentionMonthsOf(const AdminPolicy &policy)
{
    if (!policy.isLocked(DeskSettings::Key::CacheRetentionMonths))
        return DefaultRetentionMonths;
    const QString text = policy.value(DeskSettings::Key::CacheRetentionMonths).toString().trimmed();
    bool ok = false;
    const int months = text.toInt(&ok);
    if (ok && months >= 0 && months <= MaxRetentionMonths)
        return months;
    qCWarning(lcAccess) << "cache/retentionMonths" << text << "is not 0 to" << MaxRetentionMonths
                        << "in the administrator's policy; closed complaints stay"
                        << DefaultRetentionMonths << "months";
    return DefaultRetentionMonths;
}

SignOutWipe signOutWipeOf(const AdminPolicy &policy)
{
    if (!policy.isLocked(DeskSettings::Key::CacheWipeOnSignOut))
        return SignOutWipe::Offer;
    const QString text = policy.value(DeskSettings::Key::CacheWipeOnSignOut).toString().trimmed();
    if (text.compare(QLatin1String("always"), Qt::CaseInsensitive) == 0)
        return SignOutWipe::Always;
    if (text.compare(QLatin1String("offer"), Qt::CaseInsensitive) != 0)
        qCWarning(lcAccess) << "unknown cache/wipeOnSignOut" << text
                            << "in the administrator's policy; signing out offers to wipe";
    return SignOutWipe::Offer;
}

QString CommandCacheOptions::saltNotKept(const QString &cachePath)
{
    return tr("The passphrase's salt cannot be written beside the local cache (%1): without "
              "it the key could not be made again, so the cache is not encrypted with it. "
              "Check that the folder can be written.")
        .arg(QDir::toNativeSeparators(CacheKeys::saltPath(cachePath)));
}

CommandCacheOptions CommandCacheOptions::resolve(const QString &cachePath,
                                                 CacheProtection protection, bool useSystemKeychain)
{
    CredentialStore store(QStringLiteral("RegionDesk"), useSystemKeychain);
    CacheKeys keys(store, protection);
    const CacheKeys::Outcome outcome = keys.obtainNow(cachePath);
    const QString file = QDir::toNativeSeparators(cachePath);
    CommandCacheOptions result;
    switch (outcome.kind) {
    case CacheKeys::Outcome::Kind::Key:
        result.options = CacheOptions{};
        result.options->key = outcome.key;
        return result;
    case CacheKeys::Outcome::Kind::Plain:
        result.options = CacheOptions{};
        return result;
    case CacheKeys::Outcome::Kind::Lost:
        result.error = tr("The local cache %1 is encrypted and its key is not in this computer's "
                          "credential store. Open RegionDesk to set it aside and start again.")
                           .arg(file);
        return result;
    case CacheKeys::Outcome::Kind::Unavailable:
        result.error = tr("The local cache %1 is encrypted with a key kept in this computer's "
                          "credential store, which did not answer (%2). Unlock the store and "
                          "try again.")
                           .arg(file, outcome.reason);
        return result;
    case CacheKeys::Outcome::Kind::NeedsPassphrase:
        break;
    }
    const QString passphrase = qEnvironmentVariable("REGIONDESK_CACHE_PASSPHRASE");
    if (passphrase.isEmpty()) {
        result.error = tr("The local cache %1 is protected by a passphrase (%2). Set "
                          "REGIONDESK_CACHE_PASSPHRASE to it in the environment, or open "
                          "RegionDesk to choose one.")
                           .arg(file, outcome.reason);
        return result;
    }
    if (outcome.choosing && passphrase.size() < CacheKeys::MinPassphraseLength) {
        result.error = tr("The passphrase in REGIONDESK_CACHE_PASSPHRASE is too short: a new "
                          "one has at least %1 characters.")
                           .arg(CacheKeys::MinPassphraseLength);
        return result;
    }
    const QByteArray key = CacheKeys::keyFromPassphrase(cachePath, passphrase);
    if (key.isEmpty()) {
        result.error = saltNotKept(cachePath);
        return result;
    }
    if (sqlite::fileKind(cachePath) == sqlite::FileKind::NotPlain) {
        try {
            sqlite::Database probe(cachePath, sqlite::Database::OpenMode::ReadOnly, key);
        } catch (const sqlite::Error &) {
            result.error = tr("The passphrase in REGIONDESK_CACHE_PASSPHRASE does not unlock "
                              "the local cache %1.")
                               .arg(file);
            return result;
        }
    }
    result.options = CacheOptions{};
    result.options->key = key;
    return result;
}

} // namespace rd::app
