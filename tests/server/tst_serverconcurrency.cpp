// Requests served concurrently and sign-in throttled (issue 19): password
// hashing on its own threads does not hold other requests; failed sign-ins
// lock the login and the address for a while (429 with Retry-After) and
// are audited; many guesses sent at once cannot pass the limit; big feed
// pages (first syncs) run on threads of their own at a lower priority.

#include "RawHttp.h"
#include "TestServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

using rd::test::RawHttp;
using rd::test::TestServer;

namespace {

QByteArray signInRequest(const QString &login, const QString &password)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("login"), login},
                                                      {QStringLiteral("password"), password}})
                                .toJson(QJsonDocument::Compact);
    return "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           "Content-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// One sign-in on a connection of its own from an address; its status.
int signInFrom(quint16 port, const char *from, const QString &login, const QString &password,
               QByteArray *retryAfter = nullptr)
{
    RawHttp client(port, QHostAddress(QLatin1String(from)));
    client.send(signInRequest(login, password));
    const auto r = client.read(20000);
    if (retryAfter && r)
        *retryAfter = r->header("Retry-After");
    return r ? r->status : 0;
}

// Each thread of a process (Linux, /proc/PID/task/*/stat), the process's
// own first: its nice value (field 19) and the user CPU seconds it has
// used (field 14, in USER_HZ).
struct ThreadStat
{
    int nice = 0;
    double userSeconds = 0;
};
QList<ThreadStat> threadStats(qint64 pid)
{
    QList<ThreadStat> threads;
    const QString tasks = QStringLiteral("/proc/%1/task").arg(pid);
    QStringList ids = QDir(tasks).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    ids.removeOne(QString::number(pid));
    ids.prepend(QString::number(pid));
    for (const QString &id : ids) {
        QFile stat(tasks + QLatin1Char('/') + id + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // After the name in parentheses: state (field 3) … nice (field 19).
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 16)
            threads.append({fields[16].toInt(), fields[11].toDouble() / 100.0});
    }
    return threads;
}

QList<int> threadNiceValues(qint64 pid)
{
    QList<int> values;
    for (const ThreadStat &thread : threadStats(pid))
        values.append(thread.nice);
    return values;
}

// CPU seconds (user) the threads of a process have used, by nice value.
QMap<int, double> threadCpuByNice(qint64 pid)
{
    QMap<int, double> seconds;
    for (const ThreadStat &thread : threadStats(pid))
        seconds[thread.nice] += thread.userSeconds;
    return seconds;
}

QByteArray feedRequest(const QByteArray &token, const QByteArray &cursor)
{
    return "GET /api/v1/changes?limit=2000&cursor=" + cursor +
           " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n";
}

} // namespace

class TestServerConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // 20 sign-ins at once (each ~0.1–0.3 s of PBKDF2) while a signed-in
    // desk asks for its session: each of its answers comes in well under a
    // second (single-threaded, the last waited for all 20: 2–6 s; the bound
    // leaves room for a loaded CI machine), while the sign-ins are still
    // being checked.
    void signInsDoNotStallOtherRequests()
    {
        TestServer server(100);
        QVERIFY(server.isRunning());
        const QByteArray token = server.signIn(QStringLiteral("chief"));
        QVERIFY(!token.isEmpty());
        QCOMPARE(server.get(QStringLiteral("/api/v1/session"), token).status, 200);
        const QStringList logins{QStringLiteral("moderator"), QStringLiteral("clerk"),
                                 QStringLiteral("clerk2"), QStringLiteral("supervisor"),
                                 QStringLiteral("chief")};
        std::vector<std::unique_ptr<RawHttp>> signIns;
        for (int i = 0; i < 20; ++i) {
            signIns.push_back(std::make_unique<RawHttp>(server.port()));
            signIns.back()->send(signInRequest(logins[i % logins.size()], QStringLiteral("demo")));
        }
        QTest::qWait(100); // they are queued and hashing
        qint64 slowest = 0;
        for (int i = 0; i < 10; ++i) {
            const rd::test::HttpResult r = server.get(QStringLiteral("/api/v1/session"), token);
            QCOMPARE(r.status, 200);
            slowest = std::max(slowest, r.elapsedMs);
            QTest::qWait(30);
        }
        // Still hashing when the last was answered: the bound was measured
        // under the load.
        const int answeredEarly = int(std::count_if(signIns.begin(), signIns.end(), [](auto &c) {
            return c->socket().bytesAvailable() > 0;
        }));
        QVERIFY2(slowest < 1000,
                 qPrintable(QStringLiteral("GET /session took %1 ms").arg(slowest)));
        QVERIFY2(answeredEarly < 20, "the sign-ins finished before the measurement");
        for (auto &client : signIns) {
            const auto r = client->read(30000);
            QVERIFY(r);
            QCOMPARE(r->status, 200);
        }
    }

    // Per login: after the allowed failures, 429 with Retry-After, even with
    // the right password, until the lockout ends; other logins unaffected.
    // Every failure and lock is in the audit log. Failures count in a window
    // as long as the lockout: 5 s leaves room for a loaded machine's slow
    // hashing (each guess is hashed) and still ends within the test.
    void signInThrottleAndLockout()
    {
        TestServer server(50,
                          {QStringLiteral("--signin-failures-per-login"), QStringLiteral("3"),
                           QStringLiteral("--signin-failures-per-address"), QStringLiteral("6"),
                           QStringLiteral("--signin-lockout"), QStringLiteral("5")},
                          true);
        QVERIFY(server.isRunning());
        const quint16 port = server.port();
        const QString clerk = QStringLiteral("clerk");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(signInFrom(port, "127.0.0.1", clerk, QStringLiteral("guess")), 401);
        QByteArray retryAfter;
        QCOMPARE(signInFrom(port, "127.0.0.1", clerk, QStringLiteral("demo"), &retryAfter), 429);
        QVERIFY2(retryAfter.toInt() >= 1 && retryAfter.toInt() <= 5, retryAfter.constData());
        QCOMPARE(signInFrom(port, "127.0.0.2", clerk, QStringLiteral("demo")), 429); // the login
        QCOMPARE(signInFrom(port, "127.0.0.1", QStringLiteral("moderator"), QStringLiteral("demo")),
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(signInFrom(port, "127.0.0.1", clerk, QStringLiteral("demo")), 200,
                                  15000);
        QCOMPARE(server.log().count("locked for 5 s: login \"clerk\""), 1);

        const QByteArray log = server.log();
        QVERIFY(log.contains("sign-in failed: login \"clerk\" from 127.0.0.1"));
        QVERIFY(log.contains("sign-in refused while locked"));
        QVERIFY(log.contains("sign-in succeeded: login \"moderator\" from 127.0.0.1"));
    }

    // Per address: many logins guessed from one address lock the address,
    // not the others (a long lockout: the count cannot run out meanwhile).
    void addressLockout()
    {
        TestServer server(50,
                          {QStringLiteral("--signin-failures-per-address"), QStringLiteral("6"),
                           QStringLiteral("--signin-lockout"), QStringLiteral("300")},
                          true);
        QVERIFY(server.isRunning());
        const quint16 port = server.port();
        // Six logins guessed from one address: the address is locked.
        for (int i = 0; i < 6; ++i)
            QCOMPARE(signInFrom(port, "127.0.0.3", QStringLiteral("nobody%1").arg(i),
                                QStringLiteral("x")),
                     401);
        QCOMPARE(
            signInFrom(port, "127.0.0.3", QStringLiteral("supervisor"), QStringLiteral("demo")),
            429);
        QCOMPARE(
            signInFrom(port, "127.0.0.4", QStringLiteral("supervisor"), QStringLiteral("demo")),
            200);

        QVERIFY(server.log().contains("locked for 300 s: login \"nobody5\" from 127.0.0.3"));
    }

    // Ten guesses sent at once for one login: at most the limit of them are
    // checked; the rest are refused before any hashing.
    void simultaneousGuessesCannotPassTheLimit()
    {
        TestServer server(50, {QStringLiteral("--signin-failures-per-login"), QStringLiteral("3")});
        QVERIFY(server.isRunning());
        std::vector<std::unique_ptr<RawHttp>> guesses;
        for (int i = 0; i < 10; ++i) {
            guesses.push_back(std::make_unique<RawHttp>(server.port()));
            guesses.back()->send(signInRequest(QStringLiteral("clerk2"), QStringLiteral("guess")));
        }
        int checked = 0;
        int refused = 0;
        for (auto &client : guesses) {
            const auto r = client->read(20000);
            QVERIFY(r);
            checked += r->status == 401;
            refused += r->status == 429;
        }
        QCOMPARE(checked, 3);
        QCOMPARE(refused, 7);
    }

    // One worker, held by an action whose commit waits 4 s: a first sync's
    // page (600 records expected, over --bulk-records) is answered by the
    // bulk thread meanwhile, while a poll at the newest change (nothing
    // expected) waits its turn on the worker. The bulk thread runs at nice
    // 19, the lowest (Linux), the others as the process does.
    void bigFeedPagesRunOnTheBulkThreads()
    {
        TestServer server(600, {QStringLiteral("--workers"), QStringLiteral("1"),
                                QStringLiteral("--bulk-threads"), QStringLiteral("1")});
        QVERIFY(server.isRunning());
        const QByteArray token = server.signIn(QStringLiteral("chief"));
        const QByteArray head = server.pullAll(token).cursor.toLatin1();
        QVERIFY(!head.isEmpty());
        const qint64 id =
            server.pullAll(token).records.value(0).value(QStringLiteral("id")).toInteger();
        const QJsonObject record = server.complaint(id, token);

        server.hook(QStringLiteral("hold-commits"), {{QStringLiteral("ms"), 4000}});
        RawHttp action(server.port(), QHostAddress(QStringLiteral("127.0.0.5")));
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("action"), QStringLiteral("note")},
                                      {QStringLiteral("text"), QStringLiteral("Долгая запись.")},
                                      {QStringLiteral("base_version"),
                                       record.value(QStringLiteral("version"))}})
                .toJson(QJsonDocument::Compact);
        action.send("POST /api/v1/complaints/" + QByteArray::number(id) +
                    "/actions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
                    "\r\nIdempotency-Key: bulk-test\r\nContent-Type: application/json\r\n"
                    "Content-Length: " +
                    QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QTest::qWait(300); // the action holds the one worker
        RawHttp firstSync(server.port(), QHostAddress(QStringLiteral("127.0.0.6")));
        RawHttp poll(server.port(), QHostAddress(QStringLiteral("127.0.0.7")));
        firstSync.send(feedRequest(token, {}));
        poll.send(feedRequest(token, head));
        const auto page = firstSync.read(3000);
        QVERIFY2(page, "the first sync's page waited for the worker");
        QCOMPARE(page->status, 200);
        QVERIFY(page->body.contains("\"more\":false"));
        QVERIFY2(!poll.read(200), "the poll did not wait for the worker");
        const auto written = action.read(20000);
        QVERIFY(written);
        QCOMPARE(written->status, 200);
        const auto polled = poll.read(20000);
        QVERIFY(polled);
        QCOMPARE(polled->status, 200);
        server.hook(QStringLiteral("hold-commits"), {{QStringLiteral("ms"), 0}});

#ifdef Q_OS_LINUX
        const QList<int> nice = threadNiceValues(server.pid());
        QVERIFY(nice.size() > 4);
        const int base = nice.first();
        if (base < 19) {
            // The one bulk thread and the one thread checking guesses; the
            // sign-in threads, the workers and the I/O thread at the
            // process's priority.
            QCOMPARE(std::count(nice.begin(), nice.end(), std::min(19, base + 19)), 2);
            QCOMPARE(std::count(nice.begin(), nice.end(), base), nice.size() - 2);
        }
#endif
    }

    // The password checks of a login that failed twice (a guesser) run on
    // the lowered thread; a user who mistyped once, and everyone with no
    // failure, at the process's priority: someone guessing takes only the
    // CPU the rest leaves, a typo costs nothing (nothing to see off Linux).
    void guessesAreHashedAtTheLowerPriority()
    {
#ifndef Q_OS_LINUX
        QSKIP("per-thread CPU times are read from /proc (Linux)");
#else
        TestServer server(50, {QStringLiteral("--signin-failures-per-login"), QStringLiteral("50"),
                               QStringLiteral("--bulk-threads"), QStringLiteral("1")});
        QVERIFY(server.isRunning());
        const int base = threadNiceValues(server.pid()).first();
        if (base >= 19)
            QSKIP("the server runs at the lowest priority already");
        const int lowered = std::min(19, base + 19);
        const auto cpu = [&] { return threadCpuByNice(server.pid()); };
        const auto signIn = [&](const char *address, const char *login, const QString &password) {
            return signInFrom(server.port(), address, QString::fromLatin1(login), password);
        };
        // Clean sign-ins, and users who mistyped once: all at the normal
        // priority.
        QMap<int, double> before = cpu();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(signIn("127.0.0.8", "moderator", QStringLiteral("demo")), 200);
        QCOMPARE(signIn("127.0.0.7", "clerk", QStringLiteral("typo")), 401);
        QCOMPARE(signIn("127.0.0.7", "clerk", QStringLiteral("demo")), 200);
        QCOMPARE(signIn("127.0.0.6", "supervisor", QStringLiteral("typo")), 401);
        QCOMPARE(signIn("127.0.0.6", "supervisor", QStringLiteral("demo")), 200);
        QMap<int, double> after = cpu();
        const double normal = after[base] - before[base];
        QVERIFY2(after[lowered] - before[lowered] < normal / 3,
                 qPrintable(QStringLiteral("lowered %1 s, normal %2 s")
                                .arg(after[lowered] - before[lowered])
                                .arg(normal)));
        // A login's guesses after its second failure: the lowered thread.
        for (int i = 0; i < 2; ++i)
            QCOMPARE(signIn("127.0.0.9", "clerk2", QStringLiteral("guess%1").arg(i)), 401);
        before = cpu();
        for (int i = 2; i < 8; ++i)
            QCOMPARE(signIn("127.0.0.9", "clerk2", QStringLiteral("guess%1").arg(i)), 401);
        after = cpu();
        const double guessed = after[lowered] - before[lowered];
        QVERIFY2(guessed > normal / 3 && after[base] - before[base] < guessed / 2,
                 qPrintable(QStringLiteral("lowered %1 s, normal %2 s, honest ones %3 s")
                                .arg(guessed)
                                .arg(after[base] - before[base])
                                .arg(normal)));
#endif
    }
};

QTEST_GUILESS_MAIN(TestServerConcurrency)
#include "tst_serverconcurrency.moc"
