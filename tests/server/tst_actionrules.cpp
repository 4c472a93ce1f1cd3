// The domain's action table (models/domain/ActionRules) against the live
// reference server: every action × every state × every demo user, sent over
// HTTP; what the table says (allowed, forbidden, wrong state, limit reached,
// and the state it leads to) is what the server answers. The desk's panels
// read the same table, so the desk offers exactly what the server accepts.
// Also the table's own field checks.

#include "ActionRules.h"
#include "ApiJson.h"
#include "TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace rd;
using rd::test::HttpResult;
using rd::test::TestServer;

namespace {

const QList<ComplaintState> allStates{
    ComplaintState::Moderation, ComplaintState::Published,  ComplaintState::Rejected,
    ComplaintState::Duplicate,  ComplaintState::InProgress, ComplaintState::Solved,
    ComplaintState::Refused,    ComplaintState::Confirmed,  ComplaintState::Contested};

// The demo's users: a moderator, a clerk and a supervisor of agency 1, a
// clerk of agency 5 and a supervisor of every agency.
const QList<QByteArray> logins{"moderator", "clerk", "supervisor", "clerk2", "chief"};

} // namespace

class TestActionRules : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QHash<QByteArray, QByteArray> m_tokens;
    QHash<QByteArray, Actor> m_actors;
    Catalogue m_catalogue;
    QList<Complaint> m_pool;    // complaints as the server has them now
    QHash<int, int> m_verdicts; // how many rows met each verdict

    // A body the server accepts for the action on c when the table allows it.
    QJsonObject validBody(const ActionRule &rule, const Complaint &c) const
    {
        const QString code = rule.code;
        QJsonObject body{{QStringLiteral("action"), code},
                         {QStringLiteral("base_version"), c.version}};
        const auto set = [&](const char *name, const QJsonValue &v) {
            body.insert(QLatin1String(name), v);
        };
        if (code == QLatin1String("publish")) {
            set("category_id", c.categoryId);
            set("agency_id", 1);
        } else if (code == QLatin1String("reject")) {
            set("reason", QStringLiteral("Не относится к компетенции службы"));
        } else if (code == QLatin1String("mark_duplicate")) {
            set("duplicate_of", c.id == 1 ? 2 : 1);
        } else if (code == QLatin1String("reroute")) {
            set("agency_id", c.agencyId == 2 ? 3 : 2);
        } else if (code == QLatin1String("redact")) {
            set("text", c.text + QStringLiteral(" (текст исправлен модератором)"));
        } else if (code == QLatin1String("set_deadline")) {
            set("deadline", QDate::currentDate().addDays(20).toString(Qt::ISODate));
            set("text", QStringLiteral("Ремонт включён в план работ на этот месяц."));
        } else if (code == QLatin1String("extend_deadline")) {
            set("deadline", c.answerDeadline.addDays(5).toString(Qt::ISODate));
            set("reason", QStringLiteral("Подрядчик ждёт поставки материалов."));
        } else if (code == QLatin1String("solve")) {
            set("text", QStringLiteral("Яму заделали асфальтом, проверено на месте."));
        } else if (code == QLatin1String("refuse")) {
            set("ground", m_catalogue.refusalGrounds.first().code);
            set("text", QStringLiteral("Вопрос не относится к ведению органа. ")
                            .repeated(1 + m_catalogue.rules.minRefusalLength / 30));
        } else if (code == QLatin1String("return_to_moderation")) {
            set("reason", QStringLiteral("Опубликована по ошибке"));
        } else if (code == QLatin1String("note")) {
            set("text", QStringLiteral("Проверено на месте"));
        }
        return body;
    }

    // A complaint in the state (agency 1's where it has an agency; with the
    // deadline extended or not); the first of them, so rows that change
    // nothing share it.
    std::optional<qsizetype> pick(ComplaintState state, bool extended) const
    {
        std::optional<qsizetype> fallback;
        for (qsizetype i = 0; i < m_pool.size(); ++i) {
            const Complaint &c = m_pool.at(i);
            if (c.state != state || c.deadlineExtended != extended)
                continue;
            if (c.agencyId == 1)
                return i;
            if (!c.agencyId && !fallback)
                fallback = i;
        }
        return fallback;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Large enough that every state has complaints of agency 1 to spare: a
        // working service has few contested or extended ones open at a time.
        m_server = std::make_unique<TestServer>(12000);
        QVERIFY2(m_server->isRunning(), "regiondesk-server did not start");
        for (const QByteArray &login : logins) {
            const HttpResult r = m_server->request(
                "POST", QStringLiteral("/api/v1/session"),
                QJsonDocument(QJsonObject{{QStringLiteral("login"), QString::fromLatin1(login)},
                                          {QStringLiteral("password"), QStringLiteral("demo")}})
                    .toJson());
            QCOMPARE(r.status, 200);
            const QJsonObject user = r.json().value(QStringLiteral("user")).toObject();
            const auto role = roleFromCode(user.value(QStringLiteral("role")).toString());
            QVERIFY(role);
            const QJsonValue agency = user.value(QStringLiteral("agency_id"));
            m_actors.insert(login,
                            {*role, agency.isDouble() ? std::optional<qint64>(agency.toInteger())
                                                      : std::nullopt});
            m_tokens.insert(login, r.json().value(QStringLiteral("token")).toString().toLatin1());
        }
        const HttpResult catalogue =
            m_server->get(QStringLiteral("/api/v1/catalogue"), m_tokens.value("moderator"));
        const auto parsed = ApiJson::catalogueFromJson(catalogue.json());
        QVERIFY2(parsed, qPrintable(parsed.error.toString()));
        m_catalogue = *parsed.value;
        QVERIFY(!m_catalogue.refusalGrounds.isEmpty());
        for (const QJsonObject &record : m_server->pullAll(m_tokens.value("moderator")).records) {
            const auto c = ApiJson::complaintFromJson(record);
            QVERIFY2(c, qPrintable(c.error.toString()));
            m_pool.append(c.value->complaint);
        }
        QCOMPARE(m_pool.size(), 12000);
    }

    void everyActionStateAndRoleAgreesWithTheServer_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("extended");
        QTest::addColumn<QByteArray>("login");
        for (const ActionRule &rule : ActionRules::all()) {
            for (ComplaintState state : allStates) {
                for (const bool extended : {false, true}) {
                    if (extended && state != ComplaintState::InProgress)
                        continue; // only a promised deadline can have been extended
                    for (const QByteArray &login : logins) {
                        QTest::addRow("%s/%s%s/%s", qPrintable(rule.code),
                                      qPrintable(toCode(state)), extended ? "+extended" : "",
                                      login.constData())
                            << rule.code << int(state) << extended << login;
                    }
                }
            }
        }
    }
    void everyActionStateAndRoleAgreesWithTheServer()
    {
        QFETCH(QString, action);
        QFETCH(int, state);
        QFETCH(bool, extended);
        QFETCH(QByteArray, login);
        const ActionRule &rule = *ActionRules::find(action);
        const auto index = pick(ComplaintState(state), extended);
        QVERIFY2(index, "the demo data has no complaint in this state: make it larger");
        const Complaint before = m_pool.at(*index);
        const Actor actor = m_actors.value(login);
        const ActionVerdict verdict =
            ActionRules::verdict(action, actor, before, m_catalogue.rules);

        const HttpResult r =
            m_server->act(before.id, validBody(rule, before), m_tokens.value(login));
        const QByteArray context = QByteArray::number(before.id) + ": " + r.body.left(300);
        ++m_verdicts[int(verdict)];
        switch (verdict) {
        case ActionVerdict::Allowed: {
            QVERIFY2(r.status == 200, context.constData());
            const auto after = ApiJson::complaintFromJson(r.json());
            QVERIFY2(after, qPrintable(after.error.toString()));
            QCOMPARE(after.value->complaint.state, rule.to.value_or(before.state));
            // Keep the pool as the server has it; a complaint that left agency
            // 1 or its state is no longer picked for these rows.
            m_pool[*index] = after.value->complaint;
            if (actor.role == Role::Clerk && !after.value->complaint.authorName.isEmpty())
                QFAIL("a clerk's answer carries personal data");
            break;
        }
        case ActionVerdict::Forbidden:
            QVERIFY2(r.status == 403, context.constData());
            QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
            break;
        case ActionVerdict::WrongState:
            QVERIFY2(r.status == 422, context.constData());
            QCOMPARE(r.errorCode(), QStringLiteral("invalid_transition"));
            break;
        case ActionVerdict::LimitReached:
            QVERIFY2(r.status == 422, context.constData());
            QCOMPARE(r.errorCode(), QStringLiteral("invalid"));
            QVERIFY(r.json()
                        .value(QStringLiteral("error"))
                        .toObject()
                        .value(QStringLiteral("fields"))
                        .toObject()
                        .contains(QStringLiteral("deadline")));
            break;
        case ActionVerdict::UnknownAction:
            QFAIL("the table's own action is unknown to it");
        }
    }

    // Not a table that refuses everything: the rows above met every verdict.
    void everyVerdictWasMet()
    {
        qInfo() << "verdicts (allowed, forbidden, wrong state, limit):"
                << m_verdicts.value(int(ActionVerdict::Allowed))
                << m_verdicts.value(int(ActionVerdict::Forbidden))
                << m_verdicts.value(int(ActionVerdict::WrongState))
                << m_verdicts.value(int(ActionVerdict::LimitReached));
        QVERIFY(m_verdicts.value(int(ActionVerdict::Allowed)) >= 60);
        QVERIFY(m_verdicts.value(int(ActionVerdict::Forbidden)) >= 100);
        QVERIFY(m_verdicts.value(int(ActionVerdict::WrongState)) >= 60);
        QVERIFY(m_verdicts.value(int(ActionVerdict::LimitReached)) >= 2);
    }

    // docs/api.md's table of actions says what the code's table says: the
    // same fields, who, from which states, to which state.
    void theDocumentedTableIsTheCodesTable()
    {
        QFile file(QStringLiteral(REGIONDESK_SOURCE_DIR "/docs/api.md"));
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString doc = QString::fromUtf8(file.readAll());
        static const QRegularExpression row(
            QStringLiteral("^\\| `(\\w+)` \\| ([^|]*) \\| ([^|]*) \\| ([^|]*) \\| ([^|]*) \\|$"),
            QRegularExpression::MultilineOption);
        static const QRegularExpression field(QStringLiteral("`(\\w+)`"));
        static const QRegularExpression word(QStringLiteral("[a-z_]+"));
        QSet<QString> documented;
        for (auto m = row.globalMatch(doc); m.hasNext();) {
            const auto match = m.next();
            const ActionRule *rule = ActionRules::find(match.captured(1));
            if (!rule)
                continue; // another table's row
            documented.insert(rule->code);
            QSet<QString> fields;
            for (auto f = field.globalMatch(match.captured(2)); f.hasNext();) {
                const QString name = f.next().captured(1);
                if (rule->field(name))
                    fields.insert(name);
                else
                    QVERIFY2(name.contains(QLatin1String("days")) ||
                                 name.contains(QLatin1String("length")) ||
                                 name == QLatin1String("reject_reasons"),
                             qPrintable(rule->code + QStringLiteral(": ") + name));
            }
            QCOMPARE(fields.size(), rule->fields.size());
            const QString who = match.captured(3);
            const ActionRule::Who documentedWho =
                who == QLatin1String("moderator") ? ActionRule::Who::Moderator
                : who.startsWith(QLatin1String("clerk or supervisor of the agency"))
                    ? ActionRule::Who::Agency
                    : ActionRule::Who::Staff;
            QCOMPARE(documentedWho, rule->who);
            QList<ComplaintState> from;
            if (match.captured(4) == QLatin1String("any")) {
                from = allStates;
            } else {
                for (const QString &part : match.captured(4).split(QLatin1Char(','))) {
                    if (const auto s = complaintStateFromCode(word.match(part).captured()))
                        from.append(*s);
                }
            }
            QCOMPARE(from, rule->from);
            const QString to = word.match(match.captured(5)).captured();
            QCOMPARE(to == QLatin1String("unchanged") ? std::optional<ComplaintState>()
                                                      : complaintStateFromCode(to),
                     rule->to);
        }
        QCOMPARE(documented.size(), ActionRules::all().size());
    }

    // The table names what each role may do at all: a moderator never
    // answers, agency staff never moderate, an all-agency supervisor only
    // writes notes.
    void rolesAtAGlance()
    {
        Complaint published;
        published.state = ComplaintState::Published;
        published.agencyId = 1;
        const DeadlineRules rules;
        QCOMPARE(ActionRules::allowedActions({Role::Moderator, std::nullopt}, published, rules),
                 (QStringList{QStringLiteral("reroute"), QStringLiteral("redact"),
                              QStringLiteral("return_to_moderation"), QStringLiteral("note")}));
        // An answered complaint is never returned: its answer is the agency's.
        for (ComplaintState answered :
             {ComplaintState::InProgress, ComplaintState::Solved, ComplaintState::Refused,
              ComplaintState::Confirmed, ComplaintState::Contested}) {
            Complaint c = published;
            c.state = answered;
            QCOMPARE(ActionRules::verdict(QStringLiteral("return_to_moderation"),
                                          {Role::Moderator, std::nullopt}, c, rules),
                     ActionVerdict::WrongState);
        }
        QCOMPARE(ActionRules::allowedActions({Role::Clerk, 1}, published, rules),
                 (QStringList{QStringLiteral("set_deadline"), QStringLiteral("solve"),
                              QStringLiteral("refuse"), QStringLiteral("note")}));
        QCOMPARE(ActionRules::allowedActions({Role::Supervisor, std::nullopt}, published, rules),
                 QStringList{QStringLiteral("note")});
        QCOMPARE(ActionRules::allowedActions({Role::Clerk, 5}, published, rules), QStringList{});
        QCOMPARE(ActionRules::codes(ActionRule::Kind::Moderation),
                 (QStringList{QStringLiteral("publish"), QStringLiteral("reject"),
                              QStringLiteral("mark_duplicate"), QStringLiteral("reroute"),
                              QStringLiteral("redact"), QStringLiteral("return_to_moderation")}));
        for (Role role : {Role::Clerk, Role::Moderator, Role::Supervisor})
            QCOMPARE(roleFromCode(toCode(role)), role);
        QVERIFY(!roleFromCode(QStringLiteral("operator")));
        QVERIFY(!roleFromCode(QStringLiteral("Moderator")));
    }

    void fieldChecks_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QJsonObject>("errors");
        const auto obj = [](std::initializer_list<QPair<QString, QJsonValue>> pairs) {
            QJsonObject o;
            for (const auto &[k, v] : pairs)
                o.insert(k, v);
            return o;
        };
        QTest::newRow("publish complete")
            << "publish" << obj({{"category_id", 1}, {"agency_id", 2}}) << QJsonObject{};
        QTest::newRow("publish missing and fractional")
            << "publish" << obj({{"category_id", 1.5}})
            << obj({{"category_id", "must be a positive whole number"},
                    {"agency_id", "is required"}});
        QTest::newRow("reject too short after trimming")
            << "reject" << obj({{"reason", "  ab  "}})
            << obj({{"reason", "must be at least 3 characters"}});
        QTest::newRow("reject reason of the wrong type")
            << "reject" << obj({{"reason", 42}, {"reason_code", 7}})
            << obj({{"reason", "must be text"}, {"reason_code", "not in the catalogue"}});
        QTest::newRow("return_to_moderation without a reason")
            << "return_to_moderation" << QJsonObject{} << obj({{"reason", "is required"}});
        QTest::newRow("return_to_moderation reason too short")
            << "return_to_moderation" << obj({{"reason", " ок "}})
            << obj({{"reason", "must be at least 3 characters"}});
        QTest::newRow("return_to_moderation reason too long")
            << "return_to_moderation" << obj({{"reason", QString(2001, QLatin1Char('x'))}})
            << obj({{"reason", "must be at most 2000 characters"}});
        QTest::newRow("set_deadline not a date")
            << "set_deadline" << obj({{"deadline", "2026-02-30"}, {"text", "План работ на месяц"}})
            << obj({{"deadline", "must be a date YYYY-MM-DD"}});
        QTest::newRow("solve too many photos")
            << "solve"
            << obj({{"text", "Сделано, проверено"},
                    {"photo_ids",
                     QJsonArray{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}}})
            << obj({{"photo_ids", "must be a list of at most 10 ids"}});
        QTest::newRow("refuse text below the catalogue's minimum")
            << "refuse" << obj({{"ground", "g"}, {"text", "Нет."}})
            << obj({{"text", "must be at least 50 characters"}});
        QTest::newRow("note too long")
            << "note" << obj({{"text", QString(10001, QLatin1Char('a'))}})
            << obj({{"text", "must be at most 10000 characters"}});
    }
    void fieldChecks()
    {
        QFETCH(QString, action);
        QFETCH(QJsonObject, body);
        QFETCH(QJsonObject, errors);
        DeadlineRules rules;
        rules.minRefusalLength = 50;
        QCOMPARE(ActionRules::fieldErrors(*ActionRules::find(action), body, rules), errors);
    }

    void unknownFieldsAreNamed()
    {
        const QJsonObject body{{QStringLiteral("action"), QStringLiteral("note")},
                               {QStringLiteral("base_version"), 3},
                               {QStringLiteral("text"), QStringLiteral("x")},
                               {QStringLiteral("deadline"), QStringLiteral("2030-01-01")}};
        QCOMPARE(
            ActionRules::unknownFields(*ActionRules::find(QStringLiteral("note")), body),
            (QJsonObject{{QStringLiteral("deadline"), QStringLiteral("unknown field for note")}}));
        QVERIFY(!ActionRules::find(QStringLiteral("delete")));
        QCOMPARE(ActionRules::verdict(QStringLiteral("delete"), {Role::Moderator, std::nullopt},
                                      Complaint{}, DeadlineRules{}),
                 ActionVerdict::UnknownAction);
    }
};

QTEST_GUILESS_MAIN(TestActionRules)
#include "tst_actionrules.moc"
