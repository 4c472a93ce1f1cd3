// Due dates as the catalogue's deadline rules count them (Deadlines.h,
// WorkCalendar.h): calendar days, calendar days ending on a working day,
// working days across the New Year holidays and over a Saturday worked by
// decree; and the catalogue's "calendar" and rules as the API carries them,
// bad ones refused with the field named. The dates are Russia's: the 2026
// New Year (1–11 January off, 31 December 2025 a day off moved from
// 5 January) and November 2025 (Saturday 1 November worked, 3 and
// 4 November off).

#include "ApiJson.h"
#include "Deadlines.h"

#include <QJsonArray>
#include <QTest>

using namespace rd;

namespace {

WorkCalendar newYear2026()
{
    WorkCalendar c;
    c.holidays = {QDate(2025, 12, 31), QDate(2026, 1, 1), QDate(2026, 1, 2), QDate(2026, 1, 5),
                  QDate(2026, 1, 6),   QDate(2026, 1, 7), QDate(2026, 1, 8), QDate(2026, 1, 9)};
    return c;
}

WorkCalendar november2025()
{
    WorkCalendar c;
    c.holidays = {QDate(2025, 11, 3), QDate(2025, 11, 4)};
    c.workingDays = {QDate(2025, 11, 1)};
    return c;
}

DeadlineRules rules(DayCount count, bool endOnWorkingDay = false)
{
    DeadlineRules r;
    r.dayCount = count;
    r.endOnWorkingDay = endOnWorkingDay;
    return r;
}

QJsonObject catalogueJson(const QJsonObject &calendar, const QJsonObject &extraRules = {})
{
    QJsonObject rulesJson{{QStringLiteral("answer_days"), 10},
                          {QStringLiteral("max_extension_days"), 5},
                          {QStringLiteral("max_extensions"), 1},
                          {QStringLiteral("min_refusal_length"), 0},
                          {QStringLiteral("max_resolution_days"), 365}};
    for (auto it = extraRules.begin(); it != extraRules.end(); ++it)
        rulesJson.insert(it.key(), it.value());
    QJsonObject o{{QStringLiteral("categories"), QJsonArray()},
                  {QStringLiteral("agencies"), QJsonArray()},
                  {QStringLiteral("districts"), QJsonArray()},
                  {QStringLiteral("refusal_grounds"), QJsonArray()},
                  {QStringLiteral("deadline_rules"), rulesJson}};
    if (!calendar.isEmpty())
        o.insert(QStringLiteral("calendar"), calendar);
    return o;
}

} // namespace

class TestDeadlines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workingDays()
    {
        const WorkCalendar c = newYear2026();
        QVERIFY(c.isWorkingDay(QDate(2025, 12, 30)));
        QVERIFY(!c.isWorkingDay(QDate(2025, 12, 31))); // a moved day off
        QVERIFY(!c.isWorkingDay(QDate(2026, 1, 10)));  // Saturday
        QVERIFY(c.isWorkingDay(QDate(2026, 1, 12)));
        QCOMPARE(c.workingDayFrom(QDate(2025, 12, 31)), QDate(2026, 1, 12));
        QCOMPARE(c.workingDayFrom(QDate(2026, 1, 12)), QDate(2026, 1, 12));
        QCOMPARE(c.workingDaysBetween(QDate(2025, 12, 26), QDate(2026, 1, 12)), 3);
        QCOMPARE(c.workingDaysBetween(QDate(2026, 1, 12), QDate(2026, 1, 12)), 0);
        const WorkCalendar n = november2025();
        QVERIFY(n.isWorkingDay(QDate(2025, 11, 1)));  // the Saturday worked
        QVERIFY(!n.isWorkingDay(QDate(2025, 11, 2))); // Sunday
        QVERIFY(!n.isWorkingDay(QDate(2025, 11, 3)));
        QVERIFY(n.isWorkingDay(QDate(2025, 11, 5)));
    }

    void termEnds_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("endOnWorkingDay");
        QTest::addColumn<int>("calendar"); // 0 New Year 2026, 1 November 2025
        QTest::addColumn<QDate>("start");
        QTest::addColumn<int>("days");
        QTest::addColumn<QDate>("end");
        const int cal = int(DayCount::Calendar), work = int(DayCount::Working);
        // 59-ФЗ: 30 days from registration, whatever the day.
        QTest::newRow("calendar 30")
            << cal << false << 0 << QDate(2026, 1, 10) << 30 << QDate(2026, 2, 9);
        QTest::newRow("calendar 30 onto a holiday")
            << cal << false << 0 << QDate(2025, 12, 2) << 30 << QDate(2026, 1, 1);
        QTest::newRow("calendar 30, moved to the first working day")
            << cal << true << 0 << QDate(2025, 12, 2) << 30 << QDate(2026, 1, 12);
        QTest::newRow("calendar onto a Saturday, moved to Monday")
            << cal << true << 0 << QDate(2026, 1, 17) << 7 << QDate(2026, 1, 26);
        QTest::newRow("calendar onto a worked Saturday stays")
            << cal << true << 1 << QDate(2025, 10, 25) << 7 << QDate(2025, 11, 1);
        // Registered on Friday 26 December: 29, 30 December, then 12–16,
        // 19–21 January.
        QTest::newRow("10 working days over the New Year")
            << work << false << 0 << QDate(2025, 12, 26) << 10 << QDate(2026, 1, 21);
        QTest::newRow("8 working days registered on a holiday")
            << work << false << 0 << QDate(2026, 1, 3) << 8 << QDate(2026, 1, 21);
        // Thursday 30 October: Friday 31, Saturday 1 November (worked),
        // then 3 and 4 off: Wednesday 5 November is the third.
        QTest::newRow("3 working days over a worked Saturday")
            << work << false << 1 << QDate(2025, 10, 30) << 3 << QDate(2025, 11, 5);
        QTest::newRow("0 working days")
            << work << false << 1 << QDate(2025, 11, 2) << 0 << QDate(2025, 11, 2);
    }
    void termEnds()
    {
        QFETCH(int, count);
        QFETCH(bool, endOnWorkingDay);
        QFETCH(int, calendar);
        QFETCH(QDate, start);
        QFETCH(int, days);
        QFETCH(QDate, end);
        const WorkCalendar c = calendar == 0 ? newYear2026() : november2025();
        QCOMPARE(Deadlines::termEnd(start, days, rules(DayCount(count), endOnWorkingDay), c), end);
    }

    void withoutTheSaturdayTheTermIsLonger()
    {
        WorkCalendar c = november2025();
        c.workingDays.clear();
        QCOMPARE(Deadlines::termEnd(QDate(2025, 10, 30), 3, rules(DayCount::Working), c),
                 QDate(2025, 11, 6));
    }

    void catalogueAnswersAndExtensions()
    {
        Catalogue catalogue;
        catalogue.rules = rules(DayCount::Working);
        catalogue.rules.answerDays = 10;
        catalogue.rules.maxExtensionDays = 5;
        catalogue.calendar = newYear2026();
        QCOMPARE(Deadlines::answerDue(QDate(2025, 12, 26), catalogue), QDate(2026, 1, 21));
        // 30 December + 5 working days: 12, 13, 14, 15, 16 January.
        QCOMPARE(Deadlines::latestExtension(QDate(2025, 12, 30), catalogue), QDate(2026, 1, 16));
        QCOMPARE(Deadlines::answerDue(QDate(), catalogue), QDate());
    }

    void calendarTravelsInTheCatalogue()
    {
        Catalogue catalogue;
        catalogue.rules = rules(DayCount::Working, true);
        catalogue.calendar = november2025();
        catalogue.calendar.holidays.prepend(QDate(2025, 1, 1));
        const auto parsed = ApiJson::catalogueFromJson(ApiJson::catalogueToJson(catalogue));
        QVERIFY2(parsed, qPrintable(parsed.error.toString()));
        QCOMPARE(parsed.value->rules, catalogue.rules);
        QCOMPARE(parsed.value->calendar, catalogue.calendar);
        // Older servers send neither: calendar days, only weekends off.
        const auto old = ApiJson::catalogueFromJson(catalogueJson({}));
        QVERIFY2(old, qPrintable(old.error.toString()));
        QCOMPARE(old.value->rules.dayCount, DayCount::Calendar);
        QVERIFY(!old.value->rules.endOnWorkingDay);
        QCOMPARE(old.value->calendar, WorkCalendar());
        // Unsorted in the file, sorted as read.
        const auto unsorted = ApiJson::calendarFromJson(
            QJsonObject{{QStringLiteral("holidays"),
                         QJsonArray{QStringLiteral("2026-01-02"), QStringLiteral("2026-01-01")}}});
        QVERIFY(unsorted);
        QCOMPARE(unsorted.value->holidays, (QList<QDate>{QDate(2026, 1, 1), QDate(2026, 1, 2)}));
    }

    void badCalendarsAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("catalogue");
        QTest::addColumn<QString>("field");
        const auto days = [](const char *list, const QJsonArray &dates) {
            return QJsonObject{{QLatin1String(list), dates}};
        };
        QTest::newRow("not a date") << catalogueJson(days("holidays", {QStringLiteral("1 May")}))
                                    << QStringLiteral("calendar.holidays[0]");
        QTest::newRow("no such day")
            << catalogueJson(days("holidays", {QStringLiteral("2026-02-30")}))
            << QStringLiteral("calendar.holidays[0]");
        QTest::newRow("a number") << catalogueJson(days("holidays", {20260101}))
                                  << QStringLiteral("calendar.holidays[0]");
        QTest::newRow("twice") << catalogueJson(days("holidays", {QStringLiteral("2026-01-01"),
                                                                  QStringLiteral("2026-01-01")}))
                               << QStringLiteral("calendar.holidays[1]");
        QTest::newRow("a worked weekday")
            << catalogueJson(days("working_days", {QStringLiteral("2025-11-03")}))
            << QStringLiteral("calendar.working_days (2025-11-03)");
        QTest::newRow("worked and a holiday")
            << catalogueJson(QJsonObject{
                   {QStringLiteral("holidays"), QJsonArray{QStringLiteral("2025-11-01")}},
                   {QStringLiteral("working_days"), QJsonArray{QStringLiteral("2025-11-01")}}})
            << QStringLiteral("calendar.working_days (2025-11-01)");
        QTest::newRow("not a list")
            << catalogueJson(
                   QJsonObject{{QStringLiteral("holidays"), QStringLiteral("2026-01-01")}})
            << QStringLiteral("calendar.holidays");
        QJsonArray tooMany;
        for (int i = 0; i < 5001; ++i)
            tooMany.append(QDate(2000, 1, 1).addDays(i).toString(Qt::ISODate));
        QTest::newRow("too many") << catalogueJson(days("holidays", tooMany))
                                  << QStringLiteral("calendar.holidays");
        QTest::newRow("day count")
            << catalogueJson({}, {{QStringLiteral("day_count"), QStringLiteral("weekly")}})
            << QStringLiteral("deadline_rules.day_count");
        QTest::newRow("day count empty")
            << catalogueJson({}, {{QStringLiteral("day_count"), QString()}})
            << QStringLiteral("deadline_rules.day_count");
        QTest::newRow("end flag") << catalogueJson({}, {{QStringLiteral("end_on_working_day"),
                                                         QStringLiteral("yes")}})
                                  << QStringLiteral("deadline_rules.end_on_working_day");
    }
    void badCalendarsAreRefused()
    {
        QFETCH(QJsonObject, catalogue);
        QFETCH(QString, field);
        const auto parsed = ApiJson::catalogueFromJson(catalogue);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error.field, field);
        QVERIFY(!parsed.error.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeadlines)
#include "tst_deadlines.moc"
