// A day at the desk as its users lived it (issue 18), driven by object names
// and keys against the real reference server on loopback, at 1366×768: the
// complaint pane fits, saving a draft moves nothing, a send opens the next
// complaint, a search opens its hit, the open row stays marked, the status
// bar says "offline" soon after the server dies, quitting with unsent work
// asks, evidence shows as thumbnails, dates take typed digits and read the
// same in every language, and the theme and the language change at once.

#include "AnswerEditor.h"
#include "DateField.h"
#include "DateText.h"
#include "DeskQueues.h"
#include "DeskSettings.h"
#include "DeskShell.h"
#include "DeskStatusBar.h"
#include "DeskTestSupport.h"
#include "DeskWindow.h"
#include "LocalCache.h"
#include "QueueItemDelegate.h"
#include "QueueModel.h"
#include "TestServer.h"
#include "Theme.h"
#include "Translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <atomic>
#include <functional>
#include <memory>

using namespace rd;
using namespace rd::test;

namespace {

// Why a widget's text does not fit it, or empty when it does.
QString clipped(const QWidget *w)
{
    if (const auto *label = qobject_cast<const QLabel *>(w)) {
        if (label->text().isEmpty() || label->textFormat() == Qt::RichText ||
            !label->pixmap().isNull())
            return {};
        if (label->wordWrap()) {
            if (label->heightForWidth(label->width()) > label->height() + 1)
                return QStringLiteral("label %1 «%2» needs %3 px of height, has %4")
                    .arg(label->objectName(), label->text())
                    .arg(label->heightForWidth(label->width()))
                    .arg(label->height());
            return {};
        }
        QString shown = label->text();
        if (label->buddy()) // "&Text:" shows as "Text:" with the T underlined
            shown.replace(QRegularExpression(QStringLiteral("&(.)")), QStringLiteral("\\1"));
        const int needed = label->fontMetrics().horizontalAdvance(shown);
        if (needed > label->contentsRect().width())
            return QStringLiteral("label %1 «%2» needs %3 px, has %4")
                .arg(label->objectName(), label->text())
                .arg(needed)
                .arg(label->contentsRect().width());
    }
    if (const auto *button = qobject_cast<const QAbstractButton *>(w)) {
        if (!button->text().isEmpty() && button->sizeHint().width() > button->width() + 1)
            return QStringLiteral("button %1 «%2» needs %3 px, has %4")
                .arg(button->objectName(), button->text())
                .arg(button->sizeHint().width())
                .arg(button->width());
    }
    return {};
}

} // namespace

class TestDeskDay : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_home;
    std::atomic<bool> m_offline{false};
    int m_shells = 0;

    std::unique_ptr<QSettings> settings(const QString &name)
    {
        return std::make_unique<QSettings>(m_home.filePath(name + QStringLiteral(".ini")),
                                           QSettings::IniFormat);
    }

    // A signed-in, synchronised desk of its own (own cache and settings), at
    // 1366×768.
    struct Desk
    {
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<DeskShell> shell;
        DeskWindow *window() const { return shell->window(); }
    };
    Desk open(const QString &login, TestServer *server = nullptr, int probeSeconds = 15)
    {
        Desk desk;
        const QString name = QStringLiteral("%1-%2").arg(login).arg(++m_shells);
        desk.settings = settings(name);
        DeskShell::Options options =
            deskOptions((server ? server : m_server.get())->baseUrl(), login,
                        m_home.filePath(QStringLiteral("data-") + name));
        options.probeSeconds = probeSeconds;
        options.makeSyncNetwork = [this] { return new SwitchableNetwork(m_offline); };
        desk.shell = openSyncedShell(*desk.settings, options);
        if (!desk.shell)
            return {};
        desk.window()->resize(1366, 768);
        desk.window()->show();
        QTest::qWait(50);
        return desk;
    }

    // Every visible text of the complaint pane fits where it is shown.
    // What of the complaint pane does not fit where it is shown: empty when
    // everything does.
    static QString paneProblem(DeskWindow *window)
    {
        auto *scroll = child<QScrollArea>(window, "complaintScroll");
        if (scroll->horizontalScrollBar()->isVisible() ||
            scroll->widget()->width() > scroll->viewport()->width())
            return QStringLiteral("the complaint pane scrolls sideways");
        QWidget *pane = child<QSplitter>(window, "detailSplitter");
        const int paneRight = pane->width();
        for (QWidget *w : pane->findChildren<QWidget *>()) {
            if (!w->isVisibleTo(pane) || w->window() != window)
                continue;
            if (const QString problem = clipped(w); !problem.isEmpty())
                return problem;
            const int right = w->mapTo(pane, QPoint(w->width(), 0)).x();
            if (w->parentWidget() == scroll->widget() && right > paneRight + 1)
                return QStringLiteral("%1 runs past the pane's edge (%2 > %3)")
                    .arg(w->objectName())
                    .arg(right)
                    .arg(paneRight);
        }
        return {};
    }
    // Once the layouts have settled (a busy machine delays them).
    static void verifyPaneFits(DeskWindow *window)
    {
        QTRY_COMPARE_WITH_TIMEOUT(paneProblem(window), QString(), 3000);
    }

    // A complaint with everything long: text, address, author, e-mail, eight photos.
    static qint64 makeWorstCase(LocalCache &cache, qint64 id)
    {
        Complaint c = *cache.complaints().complaint(id);
        c.version += 1;
        c.text = QString(QStringLiteral("Во дворе дома разрушено асфальтовое покрытие, ямы "
                                        "глубиной до 30 см, после дождя стоит вода. "))
                     .repeated(6);
        c.address = QStringLiteral("г. Омск, Ленинский административный округ, ул. "
                                   "Карла Либкнехта, д. 113, корп. 2, подъезд 4");
        c.authorName = QStringLiteral("Константинопольская Александра Вячеславовна");
        c.authorEmail = QStringLiteral("aleksandra.konstantinopolskaya.1987@mail.example.ru");
        c.authorPhone = QStringLiteral("+7 913 293-11-96");
        cache.complaints().upsert({c});
        QList<Photo> photos;
        for (int i = 0; i < 8; ++i)
            photos.append({QStringLiteral("worst-%1").arg(i), id, QStringLiteral("image/jpeg"),
                           1600, 1200, 200000, false});
        cache.media().replacePhotos(id, photos);
        return id;
    }

    static QList<int> columnWidths(QTableView *table)
    {
        QList<int> widths;
        for (int i = 0; i < table->model()->columnCount(); ++i)
            widths.append(table->columnWidth(i));
        return widths;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("HOME", m_home.path().toUtf8());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QStandardPaths::setTestModeEnabled(true);
        qputenv("REGIONDESK_TRANSLATIONS_DIR", REGIONDESK_QM_DIR);
        Translations::use(QStringLiteral("ru"));
        QCOMPARE(QueueModel::tr("%n day(s)", nullptr, 4), QStringLiteral("4 дня")); // loaded
        applyTheme(Theme::Light);
        m_server = std::make_unique<TestServer>(900);
        QVERIFY(m_server->isRunning());
    }

    void cleanup()
    {
        m_offline = false;
        Translations::use(QStringLiteral("ru"));
        applyTheme(Theme::Light);
    }

    // Nothing of the complaint is cut off or behind a sideways scroll bar, for
    // the clerk and the moderator, on the worst complaint there is.
    void complaintPaneFitsAt1366_data()
    {
        QTest::addColumn<QString>("login");
        QTest::newRow("clerk") << QStringLiteral("clerk");
        QTest::newRow("moderator") << QStringLiteral("moderator");
    }
    void complaintPaneFitsAt1366()
    {
        QFETCH(QString, login);
        {
            Desk desk = open(login);
            QVERIFY(desk.shell);
            DeskWindow *window = desk.window();
            window->selectQueue(DeskQueue::All);
            auto *table = child<QTableView>(window, "queueTable");
            QVERIFY(table->model()->rowCount() > 5);
            const qint64 worst = makeWorstCase(
                *desk.shell->cache(),
                table->model()->index(3, 0).data(QueueModel::ComplaintIdRole).toLongLong());
            for (int row = 0; row < 5; ++row) {
                table->selectRow(row);
                QTest::qWait(20);
                verifyPaneFits(window);
                if (QTest::currentTestFailed())
                    QFAIL(qPrintable(
                        QStringLiteral("complaint No. %1").arg(window->currentComplaintId())));
            }
            window->reloadQueue();
            window->openComplaint(worst);
            QTest::qWait(20);
            QCOMPARE(window->currentComplaintId(), worst);
            verifyPaneFits(window);
            // The queue keeps room for its addresses beside the pane.
            const int address = table->columnWidth(QueueModel::AddressColumn);
            QVERIFY2(address >= 120, qPrintable(QString::number(address)));
        }
    }

    // "Draft saved" appears: the splitters, the columns and the filters stay.
    void savingADraftLeavesTheLayout()
    {
        Desk desk = open(QStringLiteral("clerk"));
        QVERIFY(desk.shell);
        DeskWindow *window = desk.window();
        window->setAutosaveDelay(30);
        window->selectQueue(DeskQueue::NewForAgency);
        auto *main = child<QSplitter>(window, "mainSplitter");
        auto *work = child<QSplitter>(window, "workSplitter");
        auto *detail = child<QSplitter>(window, "detailSplitter");
        auto *table = child<QTableView>(window, "queueTable");
        auto *filter = child<QComboBox>(window, "categoryFilter");
        auto *kind = child<QComboBox>(window, "answerKind");
        kind->setCurrentIndex(kind->findData(QStringLiteral("note")));
        QTest::qWait(20);
        const auto before = std::make_tuple(main->sizes(), work->sizes(), detail->sizes(),
                                            columnWidths(table), filter->width());
        auto *text = child<QPlainTextEdit>(window, "answerText");
        text->setFocus();
        type(text, QStringLiteral("Выезд бригады согласован на четверг."));
        auto *status = child<QLabel>(window, "draftStatus");
        QTRY_VERIFY(!status->text().isEmpty());
        QTest::qWait(50);
        const auto after = std::make_tuple(main->sizes(), work->sizes(), detail->sizes(),
                                           columnWidths(table), filter->width());
        QCOMPARE(after, before);
        verifyPaneFits(window);
    }

    // After a send the next complaint opens, not the first of the queue; the
    // row stays marked while the focus is in the editor.
    void aSendOpensTheNextComplaint()
    {
        Desk desk = open(QStringLiteral("clerk"));
        QVERIFY(desk.shell);
        DeskWindow *window = desk.window();
        window->selectQueue(DeskQueue::NewForAgency);
        auto *table = child<QTableView>(window, "queueTable");
        QVERIFY(table->model()->rowCount() > 4);
        table->selectRow(2);
        const qint64 sent = window->currentComplaintId();
        const qint64 next =
            table->model()->index(3, 0).data(QueueModel::ComplaintIdRole).toLongLong();
        auto *kind = child<QComboBox>(window, "answerKind");
        kind->setCurrentIndex(kind->findData(QStringLiteral("note")));
        auto *text = child<QPlainTextEdit>(window, "answerText");
        text->setFocus();
        type(text, QStringLiteral("Передано мастеру участка."));
        QTest::mouseClick(child<QPushButton>(window, "sendAnswer"), Qt::LeftButton);
        QCOMPARE(desk.shell->cache()->outbox().count(), 1);
        QVERIFY(window->currentComplaintId() != sent);
        QCOMPARE(window->currentComplaintId(), next);
        // A synchronisation afterwards keeps it there.
        QVERIFY(syncOnce(*desk.shell));
        QCOMPARE(window->currentComplaintId(), next);
    }

    void theOpenRowStaysMarkedWithoutFocus()
    {
        QueueItemDelegate delegate;
        QStyleOptionViewItem option;
        option.state = QStyle::State_Selected | QStyle::State_Enabled;
        option.palette.setColor(QPalette::Active, QPalette::Highlight, QColor(0x30, 0x60, 0xd0));
        option.palette.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0xf0, 0xf0, 0xf0));
        QStandardItemModel model(1, 1);
        delegate.initStyleOption(&option, model.index(0, 0));
        QCOMPARE(option.palette.color(QPalette::Inactive, QPalette::Highlight),
                 QColor(0x30, 0x60, 0xd0));
        QVERIFY(option.state & QStyle::State_Active);
    }

    // A message longer than the room left of the outbox and the sync time
    // is shortened with "…" before them (never drawn under them), and the
    // whole of it is in the tooltip.
    void longStatusMessagesStopBeforeTheLabels()
    {
        QMainWindow window;
        auto *bar = new DeskStatusBar(&window);
        window.setStatusBar(bar);
        window.resize(1366, 768);
        window.show();
        SyncStatus status;
        status.pendingActions = 12;
        status.lastSuccess = QDateTime::currentDateTimeUtc();
        bar->showSync(status, true);
        QTest::qWait(20);
        const QString longer = QStringLiteral("№ 4569 отклонено. Оно будет отправлено при "
                                              "следующей синхронизации, а до тех пор Ctrl+Z "
                                              "отменяет его; ещё раз Ctrl+Z отменяет предыдущее "
                                              "действие, и так до самого первого из отложенных.");
        bar->showMessage(longer);
        QTest::qWait(20);
        auto *outbox = child<QToolButton>(bar, "outboxStatus");
        QVERIFY(bar->messageWidth() + 6 <= outbox->x());
        const QString shown = bar->visibleMessage();
        QVERIFY(shown.endsWith(QChar(0x2026)));
        QVERIFY(bar->fontMetrics().horizontalAdvance(shown) <= bar->messageWidth());
        QCOMPARE(bar->toolTip(), longer);
        bar->showMessage(QStringLiteral("Коротко."));
        QCOMPARE(bar->visibleMessage(), QStringLiteral("Коротко."));
        QCOMPARE(bar->toolTip(), QString());
    }

    // A search whose only hit is another complaint opens that one; one with
    // no hit shows none, never the one open before.
    void aSearchOpensItsHit()
    {
        Desk desk = open(QStringLiteral("clerk"));
        QVERIFY(desk.shell);
        DeskWindow *window = desk.window();
        window->selectQueue(DeskQueue::All);
        auto *table = child<QTableView>(window, "queueTable");
        const qint64 first = window->currentComplaintId();
        const qint64 hit =
            table->model()->index(6, 0).data(QueueModel::ComplaintIdRole).toLongLong();
        QVERIFY(first && hit && first != hit);
        Complaint c = *desk.shell->cache()->complaints().complaint(hit);
        c.version += 1;
        c.text += QStringLiteral(" Щавелевая");
        desk.shell->cache()->complaints().upsert({c});
        auto *search = child<QLineEdit>(window, "searchEdit");
        search->setText(QStringLiteral("Щавелевая"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QTRY_COMPARE(window->currentComplaintId(), hit);
        QCOMPARE(child<QLabel>(window, "complaintTitle")->text().contains(QString::number(hit)),
                 true);
        search->setText(QStringLiteral("Несуществующеслово"));
        QTRY_COMPARE(table->model()->rowCount(), 0);
        QTRY_VERIFY(
            !child<QLabel>(window, "complaintTitle")->text().contains(QString::number(hit)));
    }

    // Going offline keeps the queue counts on screen and the complaint open.
    void goingOfflineKeepsCountsAndSelection()
    {
        Desk desk = open(QStringLiteral("clerk"));
        QVERIFY(desk.shell);
        DeskWindow *window = desk.window();
        window->selectQueue(DeskQueue::NewForAgency);
        auto *table = child<QTableView>(window, "queueTable");
        table->selectRow(3);
        const qint64 open = window->currentComplaintId();
        auto *queues = child<QListWidget>(window, "queueList");
        QTRY_VERIFY(queues->item(0)->text().contains(QLatin1Char('(')));
        m_offline = true;
        QSignalSpy status(desk.shell->sync(), &SyncController::statusChanged);
        QVERIFY(syncOnce(*desk.shell));
        QVERIFY(!desk.shell->sync()->status().online);
        QCOMPARE(window->currentComplaintId(), open);
        for (int i = 0; i < queues->count(); ++i) {
            if (queues->item(i)->text().contains(QStringLiteral("Поиск")))
                continue; // the search's count shows with a search only
            QVERIFY2(queues->item(i)->text().contains(QLatin1Char('(')),
                     qPrintable(queues->item(i)->text()));
        }
        QVERIFY2(window->windowTitle().contains(QStringLiteral("без сети")),
                 qPrintable(window->windowTitle()));
    }

    // The status bar says so within seconds of the server going away, not at
    // the next synchronisation (minutes later).
    void theStatusBarSeesTheServerDie()
    {
        auto server = std::make_unique<TestServer>(100);
        QVERIFY(server->isRunning());
        Desk desk = open(QStringLiteral("clerk"), server.get(), 1);
        QVERIFY(desk.shell);
        QVERIFY(desk.shell->sync()->status().online);
        auto *online = child<QToolButton>(desk.window(), "onlineStatus");
        const QString onlineText = online->text();
        QVERIFY(server->stop());
        QTRY_VERIFY_WITH_TIMEOUT(!desk.shell->sync()->status().online, 5000);
        QVERIFY(online->text() != onlineText);
    }

    // Quitting with actions in the outbox says so; "keep working" keeps the
    // window, "quit" quits, and the action stays for the next start.
    void quittingWithUnsentWorkAsks()
    {
        Desk desk = open(QStringLiteral("clerk"));
        QVERIFY(desk.shell);
        DeskWindow *window = desk.window();
        m_offline = true;
        window->selectQueue(DeskQueue::NewForAgency);
        auto *kind = child<QComboBox>(window, "answerKind");
        kind->setCurrentIndex(kind->findData(QStringLiteral("note")));
        auto *text = child<QPlainTextEdit>(window, "answerText");
        type(text, QStringLiteral("Проверить на месте."));
        QTest::mouseClick(child<QPushButton>(window, "sendAnswer"), Qt::LeftButton);
        QCOMPARE(desk.shell->cache()->outbox().count(), 1);
        QString asked;
        whenShown<QMessageBox>([&](QMessageBox *box) {
            asked = box->text();
            for (QAbstractButton *b : box->buttons()) {
                if (box->buttonRole(b) == QMessageBox::RejectRole)
                    b->click();
            }
        });
        window->close();
        QVERIFY2(asked.contains(QLatin1Char('1')), qPrintable(asked));
        QVERIFY(window->isVisible());
        whenShown<QMessageBox>([&](QMessageBox *box) {
            for (QAbstractButton *b : box->buttons()) {
                if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                    b->click();
            }
        });
        window->close();
        QVERIFY(!window->isVisible());
        QCOMPARE(desk.shell->cache()->outbox().count(), 1);
    }

    // The photo dialog opens on a folder that exists, its name field empty;
    // an attached photo shows as a thumbnail.
    void evidenceShowsAsThumbnails()
    {
        Desk desk = open(QStringLiteral("clerk"));
        QVERIFY(desk.shell);
        DeskWindow *window = desk.window();
        window->selectQueue(DeskQueue::NewForAgency);
        auto *kind = child<QComboBox>(window, "answerKind");
        const int solve = kind->findData(QStringLiteral("solve"));
        QVERIFY(solve >= 0); // a new complaint of the agency may be answered as solved
        kind->setCurrentIndex(solve);
        QImage image(320, 240, QImage::Format_RGB32);
        image.fill(QColor(0x40, 0x90, 0x30));
        const QString photo = m_home.filePath(QStringLiteral("repaired.png"));
        QVERIFY(image.save(photo));
        QString nameField = QStringLiteral("(not seen)");
        QString folder;
        whenShown<QFileDialog>([&](QFileDialog *dialog) {
            if (auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")))
                nameField = name->text();
            folder = dialog->directory().absolutePath();
            // As the user does: the file's name typed, then Enter.
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            name->setText(photo);
            QTest::keyClick(name, Qt::Key_Return);
        });
        QTest::mouseClick(child<QPushButton>(window, "attachButton"), Qt::LeftButton);
        QCOMPARE(nameField, QString());
        QVERIFY2(QFileInfo(folder).isDir(), qPrintable(folder));
        auto *list = child<QListWidget>(window, "evidenceList");
        QCOMPARE(list->count(), 1);
        QVERIFY(!list->item(0)->icon().isNull());
        QTRY_VERIFY(!list->item(0)->data(Qt::UserRole).toString().isEmpty()); // uploaded
        QVERIFY(!list->item(0)->icon().isNull());
    }

    // Digits typed into a date field land in it: from "no date chosen", and
    // with the cursor left at the end of a date.
    void dateFieldsTakeTypedDigits()
    {
        QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
        DateField field;
        field.setMinimumDate(QDate(2026, 11, 30));
        field.setMaximumDate(QDate(2027, 12, 31));
        field.setSpecialValueText(QStringLiteral("выберите дату"));
        field.setDate(field.minimumDate());
        field.show();
        field.setFocus();
        QVERIFY(QTest::qWaitForWindowActive(&field) || true);
        QTest::keyClicks(&field, QStringLiteral("24122026"));
        QCOMPARE(field.date(), QDate(2026, 12, 24));
        QCOMPARE(field.text(), QStringLiteral("24.12.2026"));
        // The cursor at the end, nothing selected (as after a click there).
        field.findChild<QLineEdit *>()->end(false);
        QTest::keyClicks(&field, QStringLiteral("2027"));
        QCOMPARE(field.date(), QDate(2027, 12, 24));
    }

    // Never the US short form; real plurals in English.
    void datesAndPluralsReadTheSameEverywhere()
    {
        const QDateTime evening(QDate(2026, 1, 24), QTime(20, 10));
        Translations::use(QStringLiteral("en"));
        QCOMPARE(DateText::date(QDate(2026, 1, 24)), QStringLiteral("24 Jan 2026"));
        QCOMPARE(DateText::dateTime(evening), QStringLiteral("24 Jan 2026, 20:10"));
        QCOMPARE(DateText::editFormat(), QStringLiteral("yyyy-MM-dd"));
        QCOMPARE(QueueModel::tr("%n day(s)", nullptr, 4), QStringLiteral("4 days"));
        QCOMPARE(QueueModel::tr("%n day(s)", nullptr, 1), QStringLiteral("1 day"));
        Translations::use(QStringLiteral("ru"));
        QCOMPARE(DateText::date(QDate(2026, 1, 24)), QStringLiteral("24.01.2026"));
        QCOMPARE(DateText::dateTime(evening), QStringLiteral("24.01.2026 20:10"));
        QCOMPARE(QueueModel::tr("%n day(s)", nullptr, 4), QStringLiteral("4 дня"));
    }

    // The dark theme chosen while the desk runs recolours the overdue date at
    // once (light red on dark grey, not dark red).
    void theThemeChangesAtOnce()
    {
        Desk desk = open(QStringLiteral("clerk"));
        QVERIFY(desk.shell);
        DeskWindow *window = desk.window();
        window->selectQueue(DeskQueue::Overdue);
        QVERIFY(window->currentComplaintId() != 0); // the demo has overdue complaints
        auto *due = child<QLabel>(window, "dueValue");
        QVERIFY(due->palette().color(QPalette::WindowText).lightness() < 100);
        window->findChild<QAction *>(QStringLiteral("theme_dark"))->trigger();
        QTest::qWait(20);
        const QColor dark = due->palette().color(QPalette::WindowText);
        QVERIFY2(dark.lightness() > 140, qPrintable(dark.name()));
        QCOMPARE(dark, toneColor(Tone::Alert, QApplication::palette()));
    }

    // Another language applies at once: the window comes back in it, where
    // the user was.
    void theLanguageChangesAtOnce()
    {
        Desk desk = open(QStringLiteral("clerk"));
        QVERIFY(desk.shell);
        DeskWindow *window = desk.window();
        window->selectQueue(DeskQueue::All);
        auto *table = child<QTableView>(window, "queueTable");
        table->selectRow(4);
        const qint64 open = window->currentComplaintId();
        QCOMPARE(window->menuBar()->actions().constFirst()->text(), QStringLiteral("&Файл"));
        QSignalSpy rebuilt(desk.shell.get(), &DeskShell::windowRebuilt);
        window->findChild<QAction *>(QStringLiteral("language_en"))->trigger();
        QVERIFY(rebuilt.wait(5000));
        window = desk.window();
        QCOMPARE(window->menuBar()->actions().constFirst()->text(), QStringLiteral("&File"));
        QCOMPARE(window->currentComplaintId(), open);
        QCOMPARE(window->currentQueue(), DeskQueue::All);
        QVERIFY(window->isVisible());
        QCOMPARE(DeskSettings(*desk.settings).language(), QStringLiteral("en"));
    }

    // The possible-duplicates queue names what each one repeats; C compares
    // them side by side, and the dialog marks the duplicate.
    void duplicatesAreComparedSideBySide()
    {
        Desk desk = open(QStringLiteral("moderator"));
        QVERIFY(desk.shell);
        DeskWindow *window = desk.window();
        window->selectQueue(DeskQueue::SuspectedDuplicates);
        auto *table = child<QTableView>(window, "queueTable");
        QVERIFY(table->model()->rowCount() > 0);
        const QModelIndex cell = table->model()->index(0, QueueModel::StateColumn);
        const QString named = cell.data().toString();
        QVERIFY2(named.startsWith(QStringLiteral("№ ")), qPrintable(named));
        const qint64 original = named.mid(2).toLongLong();
        QVERIFY(original > 0);
        const qint64 subject = window->currentComplaintId();
        LocalCache &cache = *desk.shell->cache();
        QString leftText;
        QString rightText;
        whenShown<QDialog>(
            [&](QDialog *dialog) {
                if (auto *t = dialog->findChild<QPlainTextEdit *>(
                        QStringLiteral("compareText_%1").arg(subject)))
                    leftText = t->toPlainText();
                if (auto *t = dialog->findChild<QPlainTextEdit *>(
                        QStringLiteral("compareText_%1").arg(original)))
                    rightText = t->toPlainText();
                // RD_SHOTS=DIR: a picture of the dialog to look at.
                if (const QString shots = qEnvironmentVariable("RD_SHOTS"); !shots.isEmpty())
                    dialog->grab().save(shots + QStringLiteral("/compare-dialog.png"));
                dialog->findChild<QPushButton *>(QStringLiteral("compareMarkDuplicate"))->click();
            },
            QStringLiteral("duplicateCompareDialog"));
        QTest::keyClick(table, Qt::Key_C);
        QCOMPARE(leftText, cache.complaints().complaint(subject)->text);
        QCOMPARE(rightText, cache.complaints().complaint(original)->text);
        const QList<OutboxAction> queued = cache.outbox().forComplaint(subject);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.constFirst().action, QStringLiteral("mark_duplicate"));
        QVERIFY(queued.constFirst().payload.contains(
            QStringLiteral("\"duplicate_of\":%1").arg(original).toUtf8()));
    }
};

QTEST_MAIN(TestDeskDay)
#include "tst_deskday.moc"
