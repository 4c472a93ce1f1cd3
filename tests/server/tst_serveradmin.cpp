// regiondesk-server admin on the database a running server uses: users
// added, changed, disabled and given new passwords take effect at once
// (sessions end where they must), the catalogue goes out and comes back in
// as JSON (a bad file changes nothing), and every change is in the audit
// log with its before and after — never a password. On both stores.

#include "TestServer.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using rd::test::HttpResult;
using rd::test::TestServer;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestServerAdmin : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_files;

    Run admin(const QStringList &arguments, const QByteArray &stdinText = {})
    {
        QProcess p;
        p.start(QStringLiteral(REGIONDESK_SERVER_BINARY),
                QStringList{QStringLiteral("admin")} +
                    rd::test::storeArguments(m_server->dataDir()) + arguments);
        p.waitForStarted();
        p.write(stdinText);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    HttpResult signIn(const QString &login, const QString &password)
    {
        return m_server->request("POST", QStringLiteral("/api/v1/session"),
                                 QJsonDocument(QJsonObject{{QStringLiteral("login"), login},
                                                           {QStringLiteral("password"), password}})
                                     .toJson());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(100);
        QVERIFY(m_server->isRunning());
    }

    void listsUsers()
    {
        const Run r = admin({QStringLiteral("users"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("\tmoderator\tmoderator\t-\tactive\t")));
        QVERIFY(r.out.contains(QStringLiteral("\tclerk\tclerk\t1\tactive\t")));
    }

    void addsAUserWhoCanSignInAtOnce()
    {
        const Run r = admin(
            {QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("petrova"),
             QStringLiteral("--name"), QStringLiteral("Мария Петрова"), QStringLiteral("--role"),
             QStringLiteral("clerk"), QStringLiteral("--agency"), QStringLiteral("1")},
            "a long secret 1\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const HttpResult s = signIn(QStringLiteral("petrova"), QStringLiteral("a long secret 1"));
        QCOMPARE(s.status, 200);
        QCOMPARE(s.json()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("agency_id"))
                     .toInt(),
                 1);
    }

    void refusesWhatCannotBe_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QStringList add{QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("x1"),
                              QStringLiteral("--name"), QStringLiteral("X")};
        QTest::newRow("clerk without agency")
            << add + QStringList{QStringLiteral("--role"), QStringLiteral("clerk")}
            << QByteArray("a long secret 2\n") << 1 << QStringLiteral("belongs to an agency");
        QTest::newRow("unknown role")
            << add + QStringList{QStringLiteral("--role"), QStringLiteral("root")}
            << QByteArray("a long secret 2\n") << 1 << QStringLiteral("unknown role");
        QTest::newRow("agency not in catalogue")
            << add + QStringList{QStringLiteral("--role"), QStringLiteral("clerk"),
                                 QStringLiteral("--agency"), QStringLiteral("999")}
            << QByteArray("a long secret 2\n") << 1 << QStringLiteral("not in the catalogue");
        QTest::newRow("short password")
            << add + QStringList{QStringLiteral("--role"), QStringLiteral("moderator")}
            << QByteArray("short\n") << 1 << QStringLiteral("10 characters");
        QTest::newRow("login taken")
            << QStringList{QStringLiteral("users"),    QStringLiteral("add"),
                           QStringLiteral("clerk"),    QStringLiteral("--name"),
                           QStringLiteral("X"),        QStringLiteral("--role"),
                           QStringLiteral("moderator")}
            << QByteArray("a long secret 2\n") << 1 << QStringLiteral("exists");
        QTest::newRow("no such user")
            << QStringList{QStringLiteral("users"), QStringLiteral("disable"),
                           QStringLiteral("nobody")}
            << QByteArray() << 1 << QStringLiteral("no user nobody");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("users"), QStringLiteral("explode")} << QByteArray() << 2
            << QStringLiteral("usage:");
    }

    void refusesWhatCannotBe()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = admin(arguments, input);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!admin({QStringLiteral("users"), QStringLiteral("list")})
                     .out.contains(QStringLiteral("\tx1\t")));
    }

    void disablingEndsSessionsAndSignIns()
    {
        const QByteArray token = m_server->signIn(QStringLiteral("clerk2"));
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/session"), token).status, 200);
        QCOMPARE(
            admin({QStringLiteral("users"), QStringLiteral("disable"), QStringLiteral("clerk2")})
                .exitCode,
            0);
        const HttpResult after = m_server->get(QStringLiteral("/api/v1/session"), token);
        QCOMPARE(after.status, 401);
        QCOMPARE(signIn(QStringLiteral("clerk2"), QStringLiteral("demo")).status, 403);
        QCOMPARE(signIn(QStringLiteral("clerk2"), QStringLiteral("wrong")).status, 401);
        QCOMPARE(
            admin({QStringLiteral("users"), QStringLiteral("enable"), QStringLiteral("clerk2")})
                .exitCode,
            0);
        QCOMPARE(signIn(QStringLiteral("clerk2"), QStringLiteral("demo")).status, 200);
    }

    void resetPasswordAndNewRoleEndSessions()
    {
        const QByteArray token = m_server->signIn(QStringLiteral("supervisor"));
        QCOMPARE(admin({QStringLiteral("users"), QStringLiteral("reset-password"),
                        QStringLiteral("supervisor")},
                       "the new secret 42\n")
                     .exitCode,
                 0);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/session"), token).status, 401);
        QCOMPARE(signIn(QStringLiteral("supervisor"), QStringLiteral("demo")).status, 401);
        QCOMPARE(signIn(QStringLiteral("supervisor"), QStringLiteral("the new secret 42")).status,
                 200);

        const QByteArray clerk = m_server->signIn(QStringLiteral("clerk"));
        QCOMPARE(admin({QStringLiteral("users"), QStringLiteral("set"), QStringLiteral("clerk"),
                        QStringLiteral("--agency"), QStringLiteral("5")})
                     .exitCode,
                 0);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/session"), clerk).status, 401);
        const HttpResult again = signIn(QStringLiteral("clerk"), QStringLiteral("demo"));
        QCOMPARE(again.json()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("agency_id"))
                     .toInt(),
                 5);
    }

    void catalogueGoesOutAndComesBack()
    {
        const QString file = m_files.filePath(QStringLiteral("catalogue.json"));
        QCOMPARE(admin({QStringLiteral("catalogue"), QStringLiteral("export"), file}).exitCode, 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject catalogue = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonArray agencies = catalogue.value(QStringLiteral("agencies")).toArray();
        QVERIFY(!agencies.isEmpty());
        QJsonObject first = agencies[0].toObject();
        first.insert(QStringLiteral("name"), QStringLiteral("Департамент дорог"));
        agencies[0] = first;
        catalogue.insert(QStringLiteral("agencies"), agencies);

        // A broken file changes nothing.
        const QString bad = m_files.filePath(QStringLiteral("bad.json"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(R"({"agencies": "not a list"})");
        b.close();
        const Run refused = admin({QStringLiteral("catalogue"), QStringLiteral("import"), bad});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(!admin({QStringLiteral("catalogue"), QStringLiteral("export")})
                     .out.contains(QStringLiteral("Департамент дорог")));

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(catalogue).toJson());
        f.close();
        const Run imported = admin({QStringLiteral("catalogue"), QStringLiteral("import"), file});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY(admin({QStringLiteral("catalogue"), QStringLiteral("export")})
                    .out.contains(QStringLiteral("Департамент дорог")));
    }

    // The catalogue's parts edited one at a time: each change checked,
    // audited and taken by the running server within a second, without a
    // restart; ids never reused; what would break the catalogue refused.
    void catalogueEditedPieceByPiece()
    {
        const QByteArray token = m_server->signIn(QStringLiteral("moderator"));
        const auto catalogue = [&] {
            return m_server->get(QStringLiteral("/api/v1/catalogue"), token).json();
        };
        const QByteArray etagBefore =
            m_server->get(QStringLiteral("/api/v1/catalogue"), token).header("etag");
        const auto ok = [&](const QStringList &arguments) {
            const Run r = admin(arguments);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        };
        ok({QStringLiteral("agencies"), QStringLiteral("add"), QStringLiteral("parks"),
            QStringLiteral("--name"), QStringLiteral("Управление парков")});
        const Run agencies = admin({QStringLiteral("agencies"), QStringLiteral("list")});
        QVERIFY(agencies.out.contains(QStringLiteral("parks\tУправление парков")));
        const QString parksId =
            agencies.out.section(QStringLiteral("\tparks"), 0, 0).section(QLatin1Char('\n'), -1);
        ok({QStringLiteral("categories"), QStringLiteral("add"), QStringLiteral("benches"),
            QStringLiteral("--name"), QStringLiteral("Сломанные скамейки"),
            QStringLiteral("--agency"), parksId});
        ok({QStringLiteral("reject-reasons"), QStringLiteral("add"), QStringLiteral("advert"),
            QStringLiteral("--title"), QStringLiteral("Реклама")});
        ok({QStringLiteral("refusal-grounds"), QStringLiteral("add"), QStringLiteral("private"),
            QStringLiteral("--title"), QStringLiteral("Частная территория"),
            QStringLiteral("--template"), QStringLiteral("Территория не муниципальная.")});
        ok({QStringLiteral("deadlines"), QStringLiteral("set"), QStringLiteral("--answer-days"),
            QStringLiteral("25")});

        // The running server takes it all within a second or so.
        QJsonObject now;
        QTRY_VERIFY_WITH_TIMEOUT((now = catalogue(), now.value(QStringLiteral("deadline_rules"))
                                                             .toObject()
                                                             .value(QStringLiteral("answer_days"))
                                                             .toInt() == 25),
                                 5000);
        const QByteArray body = QJsonDocument(now).toJson(QJsonDocument::Compact);
        for (const char *text :
             {"Управление парков", "Сломанные скамейки", "Реклама", "Частная территория"})
            QVERIFY2(body.contains(text), text);
        // Every worker within its second (this answer may come from one that
        // has not looked yet).
        QTRY_VERIFY_WITH_TIMEOUT(
            m_server->get(QStringLiteral("/api/v1/catalogue"), token).header("etag") != etagBefore,
            5000);
        int benches = 0;
        for (const auto &c : now.value(QStringLiteral("categories")).toArray()) {
            if (c.toObject().value(QStringLiteral("code")).toString() == QLatin1String("benches")) {
                QCOMPARE(c.toObject().value(QStringLiteral("default_agency_id")).toInt(),
                         parksId.toInt());
                benches = c.toObject().value(QStringLiteral("id")).toInt();
            }
        }
        QVERIFY(benches > 0);

        // Refused, and nothing changes: a taken code, an unknown agency, a
        // bad code, a rule out of range, removing what is not there.
        const QList<QStringList> refused{
            {QStringLiteral("categories"), QStringLiteral("add"), QStringLiteral("benches"),
             QStringLiteral("--name"), QStringLiteral("Ещё раз")},
            {QStringLiteral("categories"), QStringLiteral("set"), QString::number(benches),
             QStringLiteral("--agency"), QStringLiteral("999")},
            {QStringLiteral("agencies"), QStringLiteral("add"), QStringLiteral("Bad Code"),
             QStringLiteral("--name"), QStringLiteral("x")},
            {QStringLiteral("deadlines"), QStringLiteral("set"), QStringLiteral("--answer-days"),
             QStringLiteral("0")},
            {QStringLiteral("reject-reasons"), QStringLiteral("remove"), QStringLiteral("no-such")},
        };
        const QString before = admin({QStringLiteral("catalogue"), QStringLiteral("export")}).out;
        for (const QStringList &arguments : refused) {
            const Run r = admin(arguments);
            QVERIFY2(r.exitCode == 1, qPrintable(arguments.join(QLatin1Char(' '))));
            QVERIFY2(!r.err.isEmpty(), qPrintable(arguments.join(QLatin1Char(' '))));
        }
        QCOMPARE(admin({QStringLiteral("catalogue"), QStringLiteral("export")}).out, before);

        // A removed reason is gone; an agency added after it gets a new id.
        ok({QStringLiteral("reject-reasons"), QStringLiteral("remove"), QStringLiteral("advert")});
        ok({QStringLiteral("agencies"), QStringLiteral("add"), QStringLiteral("lights"),
            QStringLiteral("--name"), QStringLiteral("Освещение")});
        const QString list = admin({QStringLiteral("agencies"), QStringLiteral("list")}).out;
        const int lightsId =
            list.section(QStringLiteral("\tlights"), 0, 0).section(QLatin1Char('\n'), -1).toInt();
        QVERIFY(lightsId > parksId.toInt());
        QVERIFY(!admin({QStringLiteral("reject-reasons"), QStringLiteral("list")})
                     .out.contains(QStringLiteral("advert")));
    }

    // Response templates kept centrally: added, changed, listed, removed;
    // a template for an action without an answer text, a category not in
    // the catalogue or a mistyped placeholder is refused and nothing changes.
    void templatesAreKeptCentrally()
    {
        const QByteArray token = m_server->signIn(QStringLiteral("clerk"));
        const auto ok = [&](const QStringList &arguments) {
            const Run r = admin(arguments);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        };
        ok({QStringLiteral("templates"), QStringLiteral("add"), QStringLiteral("kerb"),
            QStringLiteral("--action"), QStringLiteral("solve"), QStringLiteral("--title"),
            QStringLiteral("Бордюр"), QStringLiteral("--text"),
            QStringLiteral("№ {number}: бордюр по адресу {address} восстановлен {date}."),
            QStringLiteral("--category"), QStringLiteral("1")});
        ok({QStringLiteral("templates"), QStringLiteral("set"), QStringLiteral("kerb"),
            QStringLiteral("--title"), QStringLiteral("Бордюр восстановлен"),
            QStringLiteral("--all-categories")});
        const QString list = admin({QStringLiteral("templates"), QStringLiteral("list")}).out;
        QVERIFY2(list.contains(QStringLiteral("kerb\tsolve\t*\tБордюр восстановлен")),
                 qPrintable(list));
        const QString before = admin({QStringLiteral("catalogue"), QStringLiteral("export")}).out;
        const QList<QStringList> refused{
            {QStringLiteral("templates"), QStringLiteral("add"), QStringLiteral("bad1"),
             QStringLiteral("--action"), QStringLiteral("reject"), QStringLiteral("--title"),
             QStringLiteral("x"), QStringLiteral("--text"), QStringLiteral("x")},
            {QStringLiteral("templates"), QStringLiteral("add"), QStringLiteral("bad2"),
             QStringLiteral("--action"), QStringLiteral("note"), QStringLiteral("--title"),
             QStringLiteral("x"), QStringLiteral("--text"), QStringLiteral("x"),
             QStringLiteral("--category"), QStringLiteral("999")},
            {QStringLiteral("templates"), QStringLiteral("set"), QStringLiteral("kerb"),
             QStringLiteral("--text"), QStringLiteral("Готово {numbr}")},
            {QStringLiteral("templates"), QStringLiteral("add"), QStringLiteral("kerb"),
             QStringLiteral("--action"), QStringLiteral("note"), QStringLiteral("--title"),
             QStringLiteral("x"), QStringLiteral("--text"), QStringLiteral("x")},
            {QStringLiteral("templates"), QStringLiteral("remove"), QStringLiteral("no-such")},
            {QStringLiteral("templates"), QStringLiteral("set"), QStringLiteral("kerb"),
             QStringLiteral("--title"), QStringLiteral(" ")},
        };
        for (const QStringList &arguments : refused) {
            const Run r = admin(arguments);
            QVERIFY2(r.exitCode == 1, qPrintable(arguments.join(QLatin1Char(' '))));
            QVERIFY2(!r.err.isEmpty(), qPrintable(arguments.join(QLatin1Char(' '))));
        }
        QCOMPARE(admin({QStringLiteral("catalogue"), QStringLiteral("export")}).out, before);
        // The desks get it with the catalogue.
        QTRY_VERIFY_WITH_TIMEOUT(m_server->get(QStringLiteral("/api/v1/catalogue"), token)
                                     .body.contains("бордюр по адресу {address}"),
                                 5000);
        ok({QStringLiteral("templates"), QStringLiteral("remove"), QStringLiteral("kerb")});
        QVERIFY(!admin({QStringLiteral("templates"), QStringLiteral("list")})
                     .out.contains(QStringLiteral("kerb")));
    }

    void everyChangeIsAuditedWithoutPasswords()
    {
        const Run r =
            admin({QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("100")});
        QCOMPARE(r.exitCode, 0);
        for (const char *action :
             {"user.add", "user.disable", "user.enable", "user.reset_password", "user.set",
              "catalogue.import", "agency.add", "category.add", "reject_reason.add",
              "reject_reason.remove", "refusal_ground.add", "deadlines.set"})
            QVERIFY2(r.out.contains(QLatin1String(action)), action);
        QVERIFY(r.out.contains(QStringLiteral("\"agency_id\":1"))); // before
        QVERIFY(r.out.contains(QStringLiteral("\"agency_id\":5"))); // after
        QVERIFY(r.out.contains(QStringLiteral("(admin)")));         // who
        QVERIFY(!r.out.contains(QStringLiteral("a long secret 1")));
        QVERIFY(!r.out.contains(QStringLiteral("the new secret 42")));
    }

    // Last: it stops the server. A backup restored sends every desk back to
    // a full synchronisation, even one whose cursor is from after the
    // backup and even after new changes have caught up with that cursor.
    void restoredBackupSendsDesksToResync()
    {
        const QByteArray token = m_server->signIn(QStringLiteral("moderator"));
        const TestServer::Feed start = m_server->pullAll(token);
        const QJsonObject c = start.records.first();
        const qint64 id = c.value(QStringLiteral("id")).toInteger();
        const QString backup = m_files.filePath(QStringLiteral("backup.sqlite"));
        const QString dump = m_files.filePath(QStringLiteral("backup.dump"));
        if (rd::test::testsPostgres()) {
            QVERIFY(rd::test::postgresTool(
                m_server->dataDir(), QStringLiteral("pg_dump"),
                {QStringLiteral("-Fc"), QStringLiteral("-f"), dump, QStringLiteral("{db}")}));
            QCOMPARE(admin({QStringLiteral("backup"), backup}).exitCode, 1); // says: pg_dump
        } else {
            const Run r = admin({QStringLiteral("backup"), backup});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        // A change after the backup, seen by a desk.
        QCOMPARE(m_server
                     ->act(id,
                           {{QStringLiteral("action"), QStringLiteral("note")},
                            {QStringLiteral("text"), QStringLiteral("после копии")},
                            {QStringLiteral("base_version"), c.value(QStringLiteral("version"))}},
                           token)
                     .status,
                 200);
        const TestServer::Feed after = m_server->pullAll(token, start.cursor);
        QCOMPARE(after.records.size(), 1);
        QVERIFY(m_server->stop());

        const QString dir = m_server->dataDir();
        if (rd::test::testsPostgres()) {
            QVERIFY(rd::test::postgresTool(
                dir, QStringLiteral("pg_restore"),
                {QStringLiteral("--clean"), QStringLiteral("-d"), QStringLiteral("{db}"), dump}));
            QCOMPARE(admin({QStringLiteral("restored")}).exitCode, 0);
        } else {
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(dir + QStringLiteral("/server.sqlite") + QLatin1String(suffix));
            QVERIFY(QFile::copy(backup, dir + QStringLiteral("/server.sqlite")));
        }
        TestServer restored(TestServer::SharedWith{*m_server});
        QVERIFY(restored.isRunning());
        const QByteArray token2 = restored.signIn(QStringLiteral("moderator"));
        QCOMPARE(restored.complaint(id, token2).value(QStringLiteral("version")),
                 c.value(QStringLiteral("version"))); // the note is not in the backup
        // New changes move the sequence past the desk's cursor…
        for (int i = 0; i < 3; ++i) {
            const QJsonObject other = start.records.at(1 + i);
            QCOMPARE(
                restored
                    .act(other.value(QStringLiteral("id")).toInteger(),
                         {{QStringLiteral("action"), QStringLiteral("note")},
                          {QStringLiteral("text"), QStringLiteral("после восстановления")},
                          {QStringLiteral("base_version"), other.value(QStringLiteral("version"))}},
                         token2)
                    .status,
                200);
        }
        // …yet the desk is told to start again, not handed a feed with a hole.
        const HttpResult gone = restored.get(
            QStringLiteral("/api/v1/changes?cursor=%1&epoch=%2").arg(after.cursor, after.epoch),
            token2);
        QCOMPARE(gone.status, 410);
        QCOMPARE(gone.errorCode(), QStringLiteral("resync"));
        QCOMPARE(restored.pullAll(token2).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServerAdmin)
#include "tst_serveradmin.moc"
