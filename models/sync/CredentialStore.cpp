#include "CredentialStore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcCredentials, "regiondesk.credentials")

namespace rd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(rd::CredentialStore)
};

bool isBackendFailure(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError || error == QKeychain::AccessDenied;
}

} // namespace

CredentialStore::CredentialStore(QString service, bool useSystem, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_backend(useSystem ? Backend::System : Backend::MemoryOnly)
{
    if (!useSystem)
        m_notice = Tr::tr("Sign-ins are kept in memory only, as configured; you will be asked to "
                          "sign in each time RegionDesk starts.");
}

void CredentialStore::fallBack(const QString &reason)
{
    if (m_backend == Backend::MemoryOnly)
        return;
    qCWarning(lcCredentials) << "no system credential store:" << reason;
    m_backend = Backend::MemoryOnly;
    m_fallbackReason = reason;
    m_notice = Tr::tr("The system's credential store is not available (%1). Your sign-in is kept "
                      "in memory only: you will be asked to sign in again next time RegionDesk "
                      "starts.")
                   .arg(reason);
    Q_EMIT backendChanged();
}

void CredentialStore::save(const QString &account, const QByteArray &secret,
                           std::function<void(bool)> done)
{
    m_memory.insert(account, secret);
    if (m_backend == Backend::MemoryOnly) {
        QTimer::singleShot(0, this, [done = std::move(done)] { done(false); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(account);
    job->setBinaryData(secret);
    job->setInsecureFallback(false); // never a plain-text file
    connect(job, &QKeychain::Job::finished, this, [this, job, done = std::move(done)] {
        const bool ok = job->error() == QKeychain::NoError;
        if (!ok && isBackendFailure(job->error()))
            fallBack(job->errorString());
        else if (!ok)
            qCWarning(lcCredentials) << "could not store the sign-in:" << job->errorString();
        done(ok);
    });
    job->start();
}

void CredentialStore::load(const QString &account,
                           std::function<void(std::optional<QByteArray>)> done)
{
    lookup(account, [done = std::move(done)](const Lookup &found) { done(found.secret); });
}

void CredentialStore::lookup(const QString &account, std::function<void(Lookup)> done)
{
    if (m_memory.contains(account) || m_backend == Backend::MemoryOnly) {
        Lookup found;
        if (m_memory.contains(account))
            found.secret = m_memory.value(account);
        else if (m_fallbackReason.isEmpty())
            found.missing = true; // memory is the store, as configured: it has none
        else
            found.error = m_fallbackReason; // the system's store failed earlier
        QTimer::singleShot(0, this, [done = std::move(done), found] { done(found); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(account);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, job, account, done = std::move(done)] {
        Lookup found;
        if (job->error() == QKeychain::NoError) {
            m_memory.insert(account, job->binaryData());
            found.secret = job->binaryData();
        } else if (job->error() == QKeychain::EntryNotFound) {
            found.missing = true;
        } else {
            found.error = job->errorString();
            if (isBackendFailure(job->error()))
                fallBack(job->errorString());
        }
        done(found);
    });
    job->start();
}

void CredentialStore::remove(const QString &account, std::function<void()> done)
{
    m_memory.remove(account);
    if (m_backend == Backend::MemoryOnly) {
        QTimer::singleShot(0, this, [done = std::move(done)] { done(); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(account);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)] { done(); });
    job->start();
}

} // namespace rd
