#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace rd {

class CredentialStore;

// Where a desk cache's key comes from (docs/cache.md, "Keys"), as the
// administrator's policy (cache/protection) says:
enum class CacheProtection
{
    // A random key per cache, that is per user and server, kept in the
    // system's credential store beside the session token; where there is no
    // store (a machine without Secret Service), a passphrase instead.
    Keychain,
    // Always a passphrase the user types at each start.
    Passphrase,
    // No encryption: only an administrator's explicit choice. An encrypted
    // cache stays encrypted (its key is still looked for).
    None,
};
// "keychain", "passphrase", "none"; nullopt for anything else.
std::optional<CacheProtection> cacheProtectionFromText(const QString &text);
QString cacheProtectionText(CacheProtection protection);

class CacheKeys final : public QObject
{
    Q_OBJECT

public:
    CacheKeys(CredentialStore &store, CacheProtection protection, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CacheKeys)

    CacheProtection protection() const { return m_protection; }

    struct Outcome
    {
        enum class Kind
        {
            Key,             // key opens (or will create, or will encrypt) the cache
            Plain,           // no key: the policy says so
            NeedsPassphrase, // ask the user (keyFromPassphrase), then open with that
            Lost,            // the cache is encrypted and its key is nowhere here
            // The cache is encrypted and its key is in the system's store,
            // which did not answer (locked, refused, not running): try again.
            Unavailable,
        };
        Kind kind = Kind::Key;
        QByteArray key;
        bool created = false;  // Key: made just now (a new cache, or a plain one)
        bool choosing = false; // NeedsPassphrase: none chosen yet (ask twice)
        QString reason;        // NeedsPassphrase: why a passphrase; Unavailable: the store's error
    };
    // The key for the cache at cachePath; done is called once, later, from
    // the event loop.
    void obtain(const QString &cachePath, std::function<void(Outcome)> done);
    // Blocks until obtain() is done (the command line; never the desk's UI).
    Outcome obtainNow(const QString &cachePath);
    // Removes the cache's key from the credential store and its passphrase
    // salt (a wipe; the caller removes the files).
    void forget(const QString &cachePath, std::function<void()> done);

    // PBKDF2-HMAC-SHA256 of the passphrase with this cache's salt, made on
    // first use and kept beside it (cachePath + ".keysalt"; a salt is no
    // secret). Slow on purpose (about 0.2 s). Empty when the salt could not
    // be written (a key nobody could derive again is not made).
    static QByteArray keyFromPassphrase(const QString &cachePath, const QString &passphrase);
    static bool hasPassphrase(const QString &cachePath);
    static QString saltPath(const QString &cachePath);
    // The credential store's entry name for the cache's key.
    static QString accountFor(const QString &cachePath);
    // Characters a chosen passphrase has at least.
    static constexpr int MinPassphraseLength = 8;

private:
    void fromStore(const QString &cachePath, std::function<void(Outcome)> done);
    Outcome needsPassphrase(const QString &cachePath, const QString &reason) const;

    CredentialStore &m_store;
    CacheProtection m_protection;
};

} // namespace rd
