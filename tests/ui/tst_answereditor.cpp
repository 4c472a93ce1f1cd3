// The answer editor's rules and aids. Extensions (Deadlines.h):
// with the catalogue's working-day rules the date picker ends on the
// extension's last working day, the hint says the term in working days and
// the day, and a later date is refused on the field before anything is
// queued. Russia's 2026 New Year holidays (1–11 January off, 31 December
// 2025 moved off) are the calendar. Templates (AnswerTemplates.h): the
// catalogue's for the answer and category come first, their placeholders
// filled in for the complaint; one that cannot be filled is left, marked and
// never sent; the user's own snippets are saved in the cache and removed.

#include "AnswerEditor.h"
#include "AnswerTemplates.h"
#include "DateField.h"
#include "LocalCache.h"

#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;

class TestAnswerEditor : public QObject
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

    void templatesAreFilledInAndWhatIsLeftIsNotSent()
    {
        auto cache = LocalCache::open(m_dir.filePath(QStringLiteral("templates.sqlite")));
        Catalogue catalogue = workingDayCatalogue();
        catalogue.categories.append({2, QStringLiteral("light"), QStringLiteral("Свет"), 1});
        catalogue.answerTemplates = {
            {QStringLiteral("general"), QStringLiteral("solve"), std::nullopt,
             QStringLiteral("Общий"), QStringLiteral("Выполнено {date}.")},
            {QStringLiteral("pothole"), QStringLiteral("solve"), 1, QStringLiteral("Яма & бордюр"),
             QStringLiteral("№ {number}, {address}: заделано. {agency}, {executor}.")},
            {QStringLiteral("lamp"), QStringLiteral("solve"), 2, QStringLiteral("Фонарь"),
             QStringLiteral("Фонарь заменён.")},
            {QStringLiteral("planned"), QStringLiteral("note"), std::nullopt,
             QStringLiteral("Заметка"), QStringLiteral("Бригада выехала.")}};
        AnswerEditor editor(cache->drafts());
        editor.setCatalogue(catalogue);
        editor.setActor({Role::Clerk, 1});
        editor.setToday(QDate(2026, 3, 2));
        Complaint c;
        c.id = 4521;
        c.version = 2;
        c.state = ComplaintState::InProgress;
        c.agencyId = 1;
        c.categoryId = 1;
        c.address = QStringLiteral("ул. Ленина, 5");
        c.answerKind = AnswerKind::Deadline;
        c.answerDeadline = QDate(2026, 3, 20);
        editor.setComplaint(c);
        editor.setKind(QStringLiteral("solve"));
        auto *menu = editor.findChild<QMenu *>(QStringLiteral("templateMenu"));
        QVERIFY(menu);
        QCOMPARE(editor.findChild<QPushButton *>(QStringLiteral("insertTemplate"))->menu(), menu);
        Q_EMIT menu->aboutToShow();
        // The category's own first, then the general; none of another
        // category's or another answer's.
        QStringList names;
        for (QAction *a : menu->actions()) {
            if (a->objectName().startsWith(QLatin1String("template:")))
                names << a->objectName().mid(9);
        }
        QCOMPARE(names, (QStringList{QStringLiteral("pothole"), QStringLiteral("general")}));
        auto *own = menu->findChild<QAction *>(QStringLiteral("template:pothole"));
        QVERIFY(own);
        QCOMPARE(own->text(), QStringLiteral("Яма && бордюр"));
        own->trigger();
        auto *text = editor.findChild<QPlainTextEdit *>(QStringLiteral("answerText"));
        QCOMPARE(
            text->toPlainText(),
            QStringLiteral("№ 4521, ул. Ленина, 5: заделано. Дорожное хозяйство, {executor}."));
        // Nobody named as executor: {executor} stays, and is refused.
        QVERIFY(!editor.validate());
        const QString error = editor.findChild<QLabel *>(QStringLiteral("textError"))->text();
        QVERIFY2(error.contains(QStringLiteral("{executor}")), qPrintable(error));
        text->clear();
        editor.setExecutor(QStringLiteral("Иванова И. П."));
        Q_EMIT menu->aboutToShow();
        menu->findChild<QAction *>(QStringLiteral("template:pothole"))->trigger();
        menu->findChild<QAction *>(QStringLiteral("template:general"))->trigger();
        QCOMPARE(text->toPlainText(),
                 QStringLiteral("№ 4521, ул. Ленина, 5: заделано. Дорожное хозяйство, "
                                "Иванова И. П..Выполнено 02.03.2026."));
        const auto body = editor.validate();
        QVERIFY(body);
        QVERIFY(AnswerTemplates::left(body->value(QStringLiteral("text")).toString()).isEmpty());

        // The user's own snippets: listed after the templates, inserted,
        // removed; kept in the cache.
        cache->drafts().setSnippets(
            {{QStringLiteral("Мой"), QStringLiteral("Спасибо, {number}.")}});
        text->clear();
        Q_EMIT menu->aboutToShow();
        QAction *snippet = menu->findChild<QAction *>(QStringLiteral("snippet"));
        QVERIFY(snippet);
        QVERIFY(menu->actions().indexOf(snippet) >
                menu->actions().indexOf(
                    menu->findChild<QAction *>(QStringLiteral("template:general"))));
        snippet->trigger();
        QCOMPARE(text->toPlainText(), QStringLiteral("Спасибо, 4521."));
        Q_EMIT menu->aboutToShow();
        QVERIFY(menu->findChild<QAction *>(QStringLiteral("saveSnippet"))->isEnabled());
        auto *remove = menu->findChild<QMenu *>(QStringLiteral("removeSnippetMenu"));
        QVERIFY(remove && remove->isEnabled());
        remove->actions().first()->trigger();
        QVERIFY(cache->drafts().snippets().isEmpty());

        // A deadline's {date} is the date chosen; inserted before it is
        // chosen, it stays marked and is filled in when it is.
        text->clear();
        editor.setKind(QStringLiteral("extend_deadline"));
        QCOMPARE(editor.kind(), QStringLiteral("extend_deadline"));
        auto *deadline = editor.findChild<DateField *>(QStringLiteral("answerDeadline"));
        deadline->setDate(deadline->minimumDate()); // the current deadline: not moved yet
        editor.insertTemplateForTests(QStringLiteral("Выполним до {date}."));
        QCOMPARE(text->toPlainText(), QStringLiteral("Выполним до {date}."));
        // Typing a date passes through others: nothing is filled until the
        // field is left (or the answer sent).
        deadline->setDate(QDate(2026, 3, 2));
        QCOMPARE(text->toPlainText(), QStringLiteral("Выполним до {date}."));
        deadline->setDate(QDate(2026, 3, 25));
        Q_EMIT deadline->editingFinished();
        QCOMPARE(text->toPlainText(), QStringLiteral("Выполним до 25.03.2026."));
        // Chosen again after more was typed around it: the date filled in
        // follows, what was typed stays.
        QTextCursor start(text->document());
        start.insertText(QStringLiteral("Уважаемый заявитель! "));
        deadline->setDate(QDate(2026, 3, 27));
        Q_EMIT deadline->editingFinished();
        QCOMPARE(text->toPlainText(),
                 QStringLiteral("Уважаемый заявитель! Выполним до 27.03.2026."));
        // Changed and sent without leaving the field: the text sent has it.
        deadline->setDate(QDate(2026, 3, 24));
        const auto extension = editor.validate();
        QVERIFY(extension);
        QCOMPARE(extension->value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Уважаемый заявитель! Выполним до 24.03.2026."));
        // "{Date}" is not the placeholder.
        text->setPlainText(QStringLiteral("{Date} и {date}"));
        deadline->setDate(QDate(2026, 3, 26));
        Q_EMIT deadline->editingFinished();
        QCOMPARE(text->toPlainText(), QStringLiteral("{Date} и 26.03.2026"));
    }
};

QTEST_MAIN(TestAnswerEditor)
#include "tst_answereditor.moc"
