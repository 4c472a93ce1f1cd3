// The answer editor limits an extension as the server will (Deadlines.h):
// with the catalogue's working-day rules the date picker ends on the
// extension's last working day, the hint says the term in working days and
// the day, and a later date is refused on the field before anything is
// queued. Russia's 2026 New Year holidays (1–11 January off, 31 December
// 2025 moved off) are the calendar.

#include "AnswerEditor.h"
#include "DateField.h"
#include "LocalCache.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;

class TestAnswerDeadlines : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static Catalogue workingDayCatalogue()
    {
        Catalogue c;
        c.agencies = {{1, QStringLiteral("roads"), QStringLiteral("Дорожное хозяйство")}};
        c.categories = {{1, QStringLiteral("potholes"), QStringLiteral("Ямы"), 1}};
        c.rules.answerDays = 10;
        c.rules.maxExtensionDays = 5;
        c.rules.dayCount = DayCount::Working;
        c.calendar.holidays = {QDate(2025, 12, 31), QDate(2026, 1, 1), QDate(2026, 1, 2),
                               QDate(2026, 1, 5),   QDate(2026, 1, 6), QDate(2026, 1, 7),
                               QDate(2026, 1, 8),   QDate(2026, 1, 9)};
        return c;
    }

private Q_SLOTS:
    void extensionEndsOnTheLastWorkingDay()
    {
        QVERIFY(m_dir.isValid());
        auto cache = LocalCache::open(m_dir.filePath(QStringLiteral("cache.sqlite")));
        AnswerEditor editor(cache->drafts());
        editor.setCatalogue(workingDayCatalogue());
        editor.setActor({Role::Clerk, 1});
        editor.setToday(QDate(2025, 12, 26));
        Complaint c;
        c.id = 7;
        c.version = 3;
        c.state = ComplaintState::InProgress;
        c.agencyId = 1;
        c.categoryId = 1;
        c.answerKind = AnswerKind::Deadline;
        c.answerDeadline = QDate(2025, 12, 30);
        c.dueDate = QDate(2026, 1, 21);
        editor.setComplaint(c);
        QVERIFY(editor.allowedKinds().contains(QStringLiteral("extend_deadline")));
        editor.setKind(QStringLiteral("extend_deadline"));
        auto *field = editor.findChild<DateField *>(QStringLiteral("answerDeadline"));
        QVERIFY(field);
        // 30 December + 5 working days: 12–16 January.
        QCOMPARE(field->maximumDate(), QDate(2026, 1, 16));
        const QString hint = editor.findChild<QLabel *>(QStringLiteral("answerKindHint"))->text();
        // (Without a translator loaded: the source text, "working day(s)".)
        QVERIFY2(hint.contains(QStringLiteral("5 working day")), qPrintable(hint));
        QVERIFY2(hint.contains(QStringLiteral("2026")), qPrintable(hint));

        auto *reason = editor.findChild<QWidget *>(QStringLiteral("answerText"));
        QVERIFY(reason);
        QMetaObject::invokeMethod(reason, "setPlainText",
                                  Q_ARG(QString, QStringLiteral("Подрядчик задерживается.")));
        // The picker cannot go past its maximum: what the editor checks is
        // what it sends; 16 January goes, and the body says so.
        field->setDate(QDate(2026, 1, 19));
        QCOMPARE(field->date(), QDate(2026, 1, 16));
        const auto body = editor.validate();
        QVERIFY(body);
        QCOMPARE(body->value(QStringLiteral("deadline")).toString(), QStringLiteral("2026-01-16"));
    }
};

QTEST_MAIN(TestAnswerDeadlines)
#include "tst_answerdeadlines.moc"
