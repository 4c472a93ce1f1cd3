#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace rd {

// Keeps session tokens in the operating system's credential store (Windows
// Credential Manager, the Secret Service on Linux, the macOS keychain)
// through QtKeychain, never in a file or QSettings. Where no credential
// store is available, tokens live in memory only, for as long as the
// program runs, and notice() says so in plain words.
class CredentialStore final : public QObject
{
    Q_OBJECT

public:
    enum class Backend
    {
        System,
        MemoryOnly,
    };

    // service names the entries ("RegionDesk"); useSystem false keeps
    // everything in memory (tests, or an administrator's choice).
    explicit CredentialStore(QString service, bool useSystem = true, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CredentialStore)

    Backend backend() const { return m_backend; }
    // Why tokens are kept in memory only; empty while the system store works.
    QString notice() const { return m_notice; }

    // Each calls done once, later, from the event loop.
    void save(const QString &account, const QByteArray &secret,
              std::function<void(bool persisted)> done);
    void load(const QString &account, std::function<void(std::optional<QByteArray>)> done);
    // As load(), telling "no such entry" apart from a store that could not
    // be read (locked, refused, not running): a key must never be taken for
    // lost because its store did not answer.
    struct Lookup
    {
        std::optional<QByteArray> secret;
        bool missing = false; // the store answered: no such entry
        QString error;        // else why it did not answer
    };
    void lookup(const QString &account, std::function<void(Lookup)> done);
    void remove(const QString &account, std::function<void()> done);

Q_SIGNALS:
    void backendChanged();

private:
    void fallBack(const QString &reason);

    QString m_service;
    Backend m_backend;
    QString m_notice;
    QString m_fallbackReason; // why the system's store was given up, if it was
    QHash<QString, QByteArray> m_memory;
};

} // namespace rd
