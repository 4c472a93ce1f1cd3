#include "CacheKeys.h"

#include "CredentialStore.h"
#include "sqlite/Encryption.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTimer>

Q_LOGGING_CATEGORY(lcKeys, "regiondesk.keys")

namespace rd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(rd::CacheKeys)
};

constexpr int Iterations = 200000;
constexpr int SaltBytes = 16;
const QByteArray SaltHeader = QByteArrayLiteral("RegionDesk cache key salt, pbkdf2-sha256");

struct Salt
{
    QByteArray bytes;
    int iterations = Iterations;
};

std::optional<Salt> readSalt(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QList<QByteArray> lines = file.readAll().split('\n');
    if (lines.size() < 3 || lines.at(0) != SaltHeader)
        return std::nullopt;
    bool ok = false;
    Salt salt{QByteArray::fromHex(lines.at(2)), lines.at(1).toInt(&ok)};
    if (!ok || salt.iterations < 1000 || salt.bytes.size() != SaltBytes)
        return std::nullopt;
    return salt;
}

QString noStore()
{
    return Tr::tr("This computer has no credential store to keep the cache's key in.");
}

} // namespace

std::optional<CacheProtection> cacheProtectionFromText(const QString &text)
{
    const QString value = text.trimmed().toLower();
    if (value.isEmpty() || value == QLatin1String("keychain"))
        return CacheProtection::Keychain;
    if (value == QLatin1String("passphrase"))
        return CacheProtection::Passphrase;
    if (value == QLatin1String("none"))
        return CacheProtection::None;
    return std::nullopt;
}

QString cacheProtectionText(CacheProtection protection)
{
    switch (protection) {
    case CacheProtection::Keychain:
        return QStringLiteral("keychain");
    case CacheProtection::Passphrase:
        return QStringLiteral("passphrase");
    case CacheProtection::None:
        return QStringLiteral("none");
    }
    return {};
}

CacheKeys::CacheKeys(CredentialStore &store, CacheProtection protection, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_protection(protection)
{}

QString CacheKeys::accountFor(const QString &cachePath)
{
    const QByteArray where = QFileInfo(cachePath).absoluteFilePath().toUtf8();
    return QStringLiteral("cache-key/") +
           QString::fromLatin1(
               QCryptographicHash::hash(where, QCryptographicHash::Sha256).toHex().left(24));
}

QString CacheKeys::saltPath(const QString &cachePath)
{
    return cachePath + QStringLiteral(".keysalt");
}

bool CacheKeys::hasPassphrase(const QString &cachePath)
{
    return readSalt(saltPath(cachePath)).has_value();
}

QByteArray CacheKeys::keyFromPassphrase(const QString &cachePath, const QString &passphrase)
{
    std::optional<Salt> salt = readSalt(saltPath(cachePath));
    if (!salt) {
        salt = Salt{sqlite::newKey().left(SaltBytes), Iterations};
        QDir().mkpath(QFileInfo(cachePath).absolutePath()); // a new cache's folder
        QSaveFile file(saltPath(cachePath));
        const bool kept = file.open(QIODevice::WriteOnly) &&
                          file.write(SaltHeader + '\n' + QByteArray::number(salt->iterations) +
                                     '\n' + salt->bytes.toHex() + '\n') > 0 &&
                          file.commit();
        if (!kept) {
            // A key from a salt that is not kept could never be made again.
            qCWarning(lcKeys) << "cannot keep the passphrase salt" << file.fileName()
                              << file.errorString();
            return {};
        }
    }
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, passphrase.toUtf8(),
                                              salt->bytes, salt->iterations,
                                              quint64(sqlite::KeyBytes));
}

CacheKeys::Outcome CacheKeys::needsPassphrase(const QString &cachePath, const QString &reason) const
{
    Outcome outcome;
    outcome.kind = Outcome::Kind::NeedsPassphrase;
    // A new passphrase is chosen for a cache that has none yet (new, or
    // plain and about to be encrypted); an encrypted cache with no salt
    // beside it was not made with a passphrase at all.
    // A plain file met with a salt beside it (an encryption that never
    // finished) has no passphrase yet either: a typo must not become its key.
    const bool encrypted = sqlite::fileKind(cachePath) == sqlite::FileKind::NotPlain;
    outcome.choosing = !hasPassphrase(cachePath) || !encrypted;
    if (!hasPassphrase(cachePath) && encrypted) {
        outcome.kind = Outcome::Kind::Lost;
        return outcome;
    }
    outcome.reason = reason;
    return outcome;
}

void CacheKeys::obtain(const QString &cachePath, std::function<void(Outcome)> done)
{
    const auto later = [this, done](Outcome outcome) {
        QTimer::singleShot(0, this, [done, outcome] { done(outcome); });
    };
    switch (m_protection) {
    case CacheProtection::None:
        if (sqlite::fileKind(cachePath) != sqlite::FileKind::NotPlain) {
            Outcome plain;
            plain.kind = Outcome::Kind::Plain;
            later(plain);
            return;
        }
        break; // encrypted before the policy changed: its key is still needed
    case CacheProtection::Passphrase:
        later(needsPassphrase(cachePath, Tr::tr("The administrator asks for a passphrase to "
                                                "protect the local cache.")));
        return;
    case CacheProtection::Keychain:
        break;
    }
    // An encrypted cache without a salt has its key in the system's store:
    // asked even when the store failed before, to tell "lost" from "not
    // reachable now".
    const bool encrypted = sqlite::fileKind(cachePath) == sqlite::FileKind::NotPlain;
    if (hasPassphrase(cachePath) ||
        (m_store.backend() == CredentialStore::Backend::MemoryOnly && !encrypted)) {
        later(needsPassphrase(cachePath, noStore()));
        return;
    }
    fromStore(cachePath, std::move(done));
}

void CacheKeys::fromStore(const QString &cachePath, std::function<void(Outcome)> done)
{
    const QString account = accountFor(cachePath);
    m_store.lookup(
        account, [this, cachePath, account, done](const CredentialStore::Lookup &stored) {
            if (stored.secret && stored.secret->size() == sqlite::KeyBytes) {
                Outcome found;
                found.key = *stored.secret;
                done(found);
                return;
            }
            if (sqlite::fileKind(cachePath) == sqlite::FileKind::NotPlain) {
                Outcome none;
                if (stored.missing || stored.secret) {
                    qCWarning(lcKeys)
                        << "no key in the credential store for the encrypted cache" << cachePath;
                    none.kind = Outcome::Kind::Lost;
                } else {
                    qCWarning(lcKeys)
                        << "the credential store did not answer for" << cachePath << stored.error;
                    none.kind = Outcome::Kind::Unavailable;
                    none.reason = stored.error;
                }
                done(none);
                return;
            }
            if (m_store.backend() == CredentialStore::Backend::MemoryOnly) {
                done(needsPassphrase(cachePath, noStore()));
                return;
            }
            const QByteArray key = sqlite::newKey();
            m_store.save(account, key, [this, cachePath, key, done](bool persisted) {
                if (!persisted) {
                    // Kept in memory only, the key would be gone at the next start
                    // and the cache with it.
                    done(needsPassphrase(cachePath, noStore()));
                    return;
                }
                qCInfo(lcKeys) << "a new key for" << cachePath << "is in the credential store";
                Outcome made;
                made.key = key;
                made.created = true;
                done(made);
            });
        });
}

CacheKeys::Outcome CacheKeys::obtainNow(const QString &cachePath)
{
    QEventLoop loop;
    Outcome result;
    obtain(cachePath, [&](Outcome outcome) {
        result = std::move(outcome);
        loop.quit();
    });
    loop.exec();
    return result;
}

void CacheKeys::forget(const QString &cachePath, std::function<void()> done)
{
    QFile::remove(saltPath(cachePath));
    m_store.remove(accountFor(cachePath), std::move(done));
}

} // namespace rd
