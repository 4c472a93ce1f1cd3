// Where a cache's key comes from (docs/cache.md, "Keys"), the cases where a
// mistake would cost the user's data: a credential store that does not
// answer is not a lost key (nothing is offered for setting aside), a salt
// that cannot be kept makes no key, and a plain cache with a leftover salt
// asks for a new passphrase twice rather than take a typo for its key.

#include "CacheKeys.h"
#include "CredentialStore.h"
#include "LocalCache.h"
#include "sqlite/Encryption.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;

class TestCacheKeys : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString encryptedCache(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        CacheOptions options;
        options.key = sqlite::newKey();
        LocalCache::open(path, options)->complaints().count();
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No Secret Service here: QtKeychain's D-Bus calls fail.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/regiondesk-test-bus");
    }

    void aStoreThatDoesNotAnswerIsNotALostKey()
    {
        const QString path = encryptedCache(QStringLiteral("unanswered.sqlite"));
        CredentialStore store(QStringLiteral("RegionDesk-test"), true);
        CacheKeys keys(store, CacheProtection::Keychain);
        const CacheKeys::Outcome outcome = keys.obtainNow(path);
        QCOMPARE(int(outcome.kind), int(CacheKeys::Outcome::Kind::Unavailable));
        QVERIFY(!outcome.reason.isEmpty());
        // Asked again once the store has been given up: still not "lost".
        QCOMPARE(store.backend(), CredentialStore::Backend::MemoryOnly);
        QCOMPARE(int(keys.obtainNow(path).kind), int(CacheKeys::Outcome::Kind::Unavailable));
    }

    void aStoreThatAnswersNoneHasLostIt()
    {
        const QString path = encryptedCache(QStringLiteral("lost.sqlite"));
        CredentialStore store(QStringLiteral("RegionDesk-test"), false); // memory, as configured
        CacheKeys keys(store, CacheProtection::Keychain);
        QCOMPARE(int(keys.obtainNow(path).kind), int(CacheKeys::Outcome::Kind::Lost));
    }

    void aSaltThatCannotBeKeptMakesNoKey()
    {
        const QString path = m_dir.filePath(QStringLiteral("nosalt.sqlite"));
        QVERIFY(QDir().mkpath(CacheKeys::saltPath(path))); // a folder where the file would be
        QVERIFY(CacheKeys::keyFromPassphrase(path, QStringLiteral("долгая фраза")).isEmpty());
        QVERIFY(!CacheKeys::hasPassphrase(path));
    }

    void aPlainCacheWithALeftoverSaltChoosesAgain()
    {
        const QString path = m_dir.filePath(QStringLiteral("leftover.sqlite"));
        const QByteArray first = CacheKeys::keyFromPassphrase(path, QStringLiteral("первая фраза"));
        QCOMPARE(first.size(), sqlite::KeyBytes);
        QVERIFY(CacheKeys::hasPassphrase(path));
        LocalCache::open(path)->complaints().count(); // plain: its encryption never happened
        CredentialStore store(QStringLiteral("RegionDesk-test"), false);
        CacheKeys keys(store, CacheProtection::Passphrase);
        CacheKeys::Outcome outcome = keys.obtainNow(path);
        QCOMPARE(int(outcome.kind), int(CacheKeys::Outcome::Kind::NeedsPassphrase));
        QVERIFY(outcome.choosing); // asked twice

        // Once encrypted with it, the same passphrase is asked once.
        LocalCache::encrypt(path, first);
        outcome = keys.obtainNow(path);
        QCOMPARE(int(outcome.kind), int(CacheKeys::Outcome::Kind::NeedsPassphrase));
        QVERIFY(!outcome.choosing);
        QCOMPARE(CacheKeys::keyFromPassphrase(path, QStringLiteral("первая фраза")), first);
    }
};

QTEST_GUILESS_MAIN(TestCacheKeys)
#include "tst_cachekeys.moc"
