#pragma once

#include "LocalCache.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QWidget;

namespace rd {

class CacheKeys;

// Opens a user's local cache with its key (CacheKeys, docs/cache.md "Keys"):
// asks for the passphrase where one is needed (or takes it from
// REGIONDESK_CACHE_PASSPHRASE: the demo, kiosks), encrypts a plain cache on
// a worker thread with progress shown (cancellable), and offers to start
// afresh when a cache's key is lost. The photo cache beside it is
// encrypted with the same key.
class CacheUnlock final : public QObject
{
    Q_OBJECT

public:
    CacheUnlock(CacheKeys &keys, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CacheUnlock)

    struct Result
    {
        std::unique_ptr<LocalCache> cache; // null: not opened
        QString error;                     // why, for the user; empty: the user cancelled
    };
    // who names the user in the dialogs; dialogs open over parent. done is
    // called once, from the event loop.
    void open(const QString &cachePath, const QString &photoCachePath, const QString &who,
              QWidget *parent, std::function<void(Result)> done);

private:
    struct Attempt;
    void withKey(std::shared_ptr<Attempt> attempt, const QByteArray &key);
    void askPassphrase(std::shared_ptr<Attempt> attempt, bool choosing, const QString &reason);
    void offerFresh(std::shared_ptr<Attempt> attempt, const QString &detail);
    void offerRetry(std::shared_ptr<Attempt> attempt, const QString &why);
    void encryptFirst(std::shared_ptr<Attempt> attempt, const QByteArray &key);
    std::unique_ptr<LocalCache> tryOpen(Attempt &attempt, const QByteArray &key);

    CacheKeys &m_keys;
};

} // namespace rd
