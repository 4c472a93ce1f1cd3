// Personal data in the history follows the rule the record follows: to a
// clerk, the citizen's own entries name no one; a redaction's original
// (and the filed text it replaced) is the moderators' only; every complaint,
// a duplicate too, can be redacted.

#include "TestServer.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using rd::test::HttpResult;
using rd::test::TestServer;

class TestServerPrivacy : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QHash<QString, QByteArray> m_tokens;
    QList<QJsonObject> m_all;

    QByteArray token(const QString &login)
    {
        if (!m_tokens.contains(login))
            m_tokens.insert(login, m_server->signIn(login));
        return m_tokens.value(login);
    }
    // A complaint of agency 1 in this state, not handed out before.
    QJsonObject take(const QString &state)
    {
        for (qsizetype i = 0; i < m_all.size(); ++i) {
            if (m_all[i].value(QStringLiteral("state")).toString() == state &&
                m_all[i].value(QStringLiteral("agency_id")).toInt() == 1)
                return m_all.takeAt(i);
        }
        qFatal("no complaint in state %s", qPrintable(state));
    }
    QJsonArray history(qint64 id, const QString &login)
    {
        const HttpResult r =
            m_server->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), token(login));
        if (r.status != 200)
            qWarning() << "history" << r.status << r.body;
        return r.json().value(QStringLiteral("entries")).toArray();
    }
    static QJsonObject entry(const QJsonArray &entries, const QString &action)
    {
        for (const QJsonValue &e : entries) {
            if (e.toObject().value(QStringLiteral("action")).toString() == action)
                return e.toObject();
        }
        return {};
    }
    HttpResult redact(const QJsonObject &c, const QString &text)
    {
        return m_server->act(c.value(QStringLiteral("id")).toInteger(),
                             {{QStringLiteral("action"), QStringLiteral("redact")},
                              {QStringLiteral("text"), text},
                              {QStringLiteral("reason"), QStringLiteral("personal data")},
                              {QStringLiteral("base_version"), c.value(QStringLiteral("version"))}},
                             token(QStringLiteral("moderator")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(800);
        QVERIFY(m_server->isRunning());
        m_all = m_server->pullAll(token(QStringLiteral("moderator"))).records;
        QVERIFY(m_all.size() == 800);
    }

    void citizensEntriesNameNoOneToAClerk()
    {
        // Confirmed complaints have a filing and a confirmation by the citizen.
        const QJsonObject c = take(QStringLiteral("confirmed"));
        const qint64 id = c.value(QStringLiteral("id")).toInteger();
        const QString author =
            c.value(QStringLiteral("author")).toObject().value(QStringLiteral("name")).toString();
        QVERIFY(!author.isEmpty());
        const QJsonArray clerk = history(id, QStringLiteral("clerk"));
        QVERIFY(!clerk.isEmpty());
        for (const QString &action : {QStringLiteral("file"), QStringLiteral("confirm")}) {
            const QJsonObject e = entry(clerk, action);
            QVERIFY2(!e.isEmpty(), qPrintable(action));
            QCOMPARE(e.value(QStringLiteral("actor")).toString(), QString());
        }
        // Nowhere in the clerk's answer is the citizen's name.
        const HttpResult raw =
            m_server->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id),
                          token(QStringLiteral("clerk")));
        QVERIFY(!QString::fromUtf8(raw.body).contains(author));
        // Staff entries keep their actors; moderators and supervisors see the citizen.
        for (const QString &login : {QStringLiteral("moderator"), QStringLiteral("supervisor")}) {
            QCOMPARE(entry(history(id, login), QStringLiteral("file"))
                         .value(QStringLiteral("actor"))
                         .toString(),
                     author);
        }
        QVERIFY(!entry(clerk, QStringLiteral("publish"))
                     .value(QStringLiteral("actor"))
                     .toString()
                     .isEmpty());
    }

    void redactedOriginalsAreTheModeratorsOnly()
    {
        const QJsonObject c = take(QStringLiteral("published"));
        const qint64 id = c.value(QStringLiteral("id")).toInteger();
        const QString original = c.value(QStringLiteral("text")).toString();
        QCOMPARE(redact(c, QStringLiteral("Яма у дома, без личных данных")).status, 200);
        for (const QString &login : {QStringLiteral("clerk"), QStringLiteral("supervisor")}) {
            const QJsonArray h = history(id, login);
            QVERIFY(entry(h, QStringLiteral("redact")).value(QStringLiteral("old")).isNull());
            QVERIFY(entry(h, QStringLiteral("file")).value(QStringLiteral("new")).isNull());
            const HttpResult raw = m_server->get(
                QStringLiteral("/api/v1/complaints/%1/history").arg(id), token(login));
            QVERIFY2(!QString::fromUtf8(raw.body).contains(original), qPrintable(login));
        }
        const QJsonArray moderator = history(id, QStringLiteral("moderator"));
        QCOMPARE(entry(moderator, QStringLiteral("redact")).value(QStringLiteral("old")).toString(),
                 original);
        QCOMPARE(entry(moderator, QStringLiteral("file")).value(QStringLiteral("new")).toString(),
                 original);
    }

    void unredactedFilingStaysReadable()
    {
        // No redaction: the filed text is the published one, for everyone.
        const QJsonObject c = take(QStringLiteral("published"));
        const QJsonObject e =
            entry(history(c.value(QStringLiteral("id")).toInteger(), QStringLiteral("clerk")),
                  QStringLiteral("file"));
        QCOMPARE(e.value(QStringLiteral("new")).toString(),
                 c.value(QStringLiteral("text")).toString());
    }

    void duplicatesAndClosedComplaintsCanBeRedacted()
    {
        for (const QString &state : {QStringLiteral("duplicate"), QStringLiteral("rejected"),
                                     QStringLiteral("confirmed")}) {
            QJsonObject c;
            for (qsizetype i = 0; i < m_all.size(); ++i) {
                if (m_all[i].value(QStringLiteral("state")).toString() == state) {
                    c = m_all.takeAt(i);
                    break;
                }
            }
            QVERIFY2(!c.isEmpty(), qPrintable(state));
            const HttpResult r = redact(c, QStringLiteral("Текст без телефона"));
            QVERIFY2(r.status == 200, r.body.constData());
            QCOMPARE(r.json().value(QStringLiteral("text")).toString(),
                     QStringLiteral("Текст без телефона"));
            QCOMPARE(r.json().value(QStringLiteral("state")).toString(), state);
        }
    }
};

QTEST_GUILESS_MAIN(TestServerPrivacy)
#include "tst_serverprivacy.moc"
