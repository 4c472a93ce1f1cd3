// The desk window driven as its users drive it, by object names and keys,
// against the real reference server on loopback: signing in (wrong password,
// unreachable server, then right), a moderator triaging five complaints by
// keyboard and undoing one, a clerk drafting a refusal offline that survives
// a restart and is sent when the network returns, a conflict resolved, and
// the map beside the list sharing its selection, filters and area.

#include "AnswerEditor.h"
#include "DeskShell.h"
#include "DeskStatusBar.h"
#include "DeskTestSupport.h"
#include "DeskWindow.h"
#include "LocalCache.h"
#include "MapWidget.h"
#include "SignInDialog.h"
#include "SyncController.h"
#include "TestServer.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <atomic>
#include <memory>

using namespace rd;
using namespace rd::test;

class TestDesk : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_home;
    std::atomic<bool> m_offline{false};

    // These tests send what they queue with the next synchronisation: no
    // hold before sending (tst_deskhold tests the hold).
    std::unique_ptr<QSettings> settings(const QString &name)
    {
        auto s = std::make_unique<QSettings>(m_home.filePath(name + QStringLiteral(".ini")),
                                             QSettings::IniFormat);
        s->setValue(QStringLiteral("sync/holdSeconds"), 0);
        return s;
    }

    std::unique_ptr<DeskShell> makeShell(QSettings &s, const QString &login, bool autoSignIn)
    {
        DeskShell::Options options = deskOptions(m_server->baseUrl(), login,
                                                 m_home.filePath(QStringLiteral("data-") + login));
        if (!autoSignIn)
            options.password.clear();
        options.makeSyncNetwork = [this] { return new SwitchableNetwork(m_offline); };
        return std::make_unique<DeskShell>(s, options);
    }

    // Signs in without the dialog and waits for the first synchronisation.
    std::unique_ptr<DeskShell> openSynced(QSettings &s, const QString &login)
    {
        auto shell = makeShell(s, login, true);
        if (!openAndSync(*shell))
            return nullptr;
        return shell;
    }

    QString serverState(qint64 id)
    {
        const QByteArray token = m_server->signIn(QStringLiteral("chief")); // sees every agency
        return m_server->complaint(id, token).value(QStringLiteral("state")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("HOME", m_home.path().toUtf8());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>(900);
        QVERIFY(m_server->isRunning());
    }

    // The status bar says where the sync is, and its buttons lead to the
    // outbox, the conflicts and a sync; a stop of the search indexing is
    // said there, with the cache's words.
    void statusBarSaysSyncStateAndIndexingStop()
    {
        DeskStatusBar bar;
        const auto button = [&bar](const char *name) {
            return bar.findChild<QToolButton *>(QString::fromLatin1(name));
        };
        SyncStatus status;
        status.online = false;
        status.pendingActions = 3;
        status.failedActions = 1;
        status.conflicts = 2;
        status.lastError = QStringLiteral("The server cannot be reached.");
        bar.showSync(status, true);
        QCOMPARE(button("onlineStatus")->text(), QStringLiteral("Offline"));
        QCOMPARE(button("onlineStatus")->toolTip(), status.lastError);
        QCOMPARE(button("outboxStatus")->text(), QStringLiteral("Outbox: 3 (1 refused)"));
        QCOMPARE(button("conflictStatus")->text(), QStringLiteral("Conflicts: 2"));
        QVERIFY(!button("conflictStatus")->isHidden());
        QVERIFY(button("cancelSync")->isHidden());
        QCOMPARE(bar.currentMessage(), status.lastError);

        status.syncing = true;
        status.conflicts = 0;
        bar.showSync(status, false);
        QCOMPARE(button("onlineStatus")->text(), QStringLiteral("Offline: not signed in"));
        QVERIFY(button("conflictStatus")->isHidden());
        QVERIFY(!button("cancelSync")->isHidden());

        QSignalSpy outbox(&bar, &DeskStatusBar::outboxClicked);
        QSignalSpy stop(&bar, &DeskStatusBar::stopClicked);
        QSignalSpy syncNow(&bar, &DeskStatusBar::syncNowClicked);
        button("outboxStatus")->click();
        button("cancelSync")->click();
        button("lastSyncStatus")->click();
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(stop.size(), 1);
        QCOMPARE(syncNow.size(), 1);

        bar.showSearchIndexStopped(QStringLiteral("The local cache /tmp/c.sqlite is full."));
        QVERIFY2(bar.currentMessage().contains(QStringLiteral("/tmp/c.sqlite is full")),
                 qPrintable(bar.currentMessage()));
        QVERIFY(bar.currentMessage().startsWith(QStringLiteral("Search may miss")));
    }

    void signInReportsWrongPasswordAndUnreachableServer()
    {
        auto s = settings(QStringLiteral("signin"));
        auto shell = makeShell(*s, QStringLiteral("clerk"), false);
        shell->start(); // no remembered session: the dialog
        QTRY_VERIFY(shell->signInDialog() && shell->signInDialog()->isVisible());
        SignInDialog *dialog = shell->signInDialog();
        auto *server = child<QComboBox>(dialog, "serverEdit");
        auto *login = child<QLineEdit>(dialog, "loginEdit");
        auto *password = child<QLineEdit>(dialog, "passwordEdit");
        auto *signIn = child<QPushButton>(dialog, "signInButton");
        auto *message = child<QLabel>(dialog, "signInMessage");
        QCOMPARE(server->currentText(), m_server->baseUrl());
        QCOMPARE(login->text(), QStringLiteral("clerk"));
        QVERIFY(!signIn->isEnabled()); // no password yet

        type(password, QStringLiteral("wrong"));
        QVERIFY(signIn->isEnabled());
        QTest::mouseClick(signIn, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("Wrong user name")),
                                 10000);
        QVERIFY(!shell->window());

        server->setEditText(QStringLiteral("http://127.0.0.1:1"));
        password->setText(QStringLiteral("demo"));
        QTest::mouseClick(signIn, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("cannot be reached")),
                                 10000);

        server->setEditText(QStringLiteral("not a url"));
        QTest::mouseClick(signIn, Qt::LeftButton);
        QVERIFY(message->text().contains(QStringLiteral("not valid")));

        QSignalSpy opened(shell.get(), &DeskShell::deskOpened);
        server->setEditText(m_server->baseUrl());
        QTest::mouseClick(signIn, Qt::LeftButton);
        QVERIFY(opened.wait(10000));
        QVERIFY(shell->window()->isVisible());
        QTRY_VERIFY(!shell->signInDialog() || !shell->signInDialog()->isVisible());
        QCOMPARE(shell->window()->currentQueue(), DeskQueue::NewForAgency);
        // The first complaint opens once synchronised; its history is fetched.
        QTRY_VERIFY_WITH_TIMEOUT(shell->window()->currentComplaintId() > 0, 15000);
        const qint64 first = shell->window()->currentComplaintId();
        QTRY_VERIFY_WITH_TIMEOUT(!shell->cache()->media().history(first).isEmpty(), 10000);
        // The password is nowhere in the settings.
        QFile ini(s->fileName());
        s->sync();
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("demo\n"));
    }

    // A server whose certificate is not trusted: refused with the reason,
    // nothing sent; a bad extra CA file is named; the right one signs in.
    void signInExplainsTlsProblems()
    {
        const QString cert = m_home.filePath(QStringLiteral("cert.pem"));
        const QString key = m_home.filePath(QStringLiteral("key.pem"));
        QProcess openssl; // its progress dots are not the test's output
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                       key, QStringLiteral("-out"), cert});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        TestServer tls(30, {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        QVERIFY(tls.isRunning());
        const QString notPem = m_home.filePath(QStringLiteral("not-a-cert.pem"));
        {
            QFile file(notPem);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("this is not a certificate\n");
        }
        for (const QString &caFile : {QString(), notPem, cert}) {
            auto s = settings(QStringLiteral("tls"));
            DeskShell::Options options = deskOptions(tls.baseUrl(), QStringLiteral("clerk"),
                                                     m_home.filePath(QStringLiteral("data-tls")));
            options.password.clear();
            options.onlineTiles = false;
            options.syncIntervalSeconds = 3600;
            options.server = QUrl(tls.baseUrl());
            options.login = QStringLiteral("clerk");
            options.extraCaFile = caFile;
            DeskShell shell(*s, options);
            shell.start();
            QTRY_VERIFY(shell.signInDialog() && shell.signInDialog()->isVisible());
            SignInDialog *dialog = shell.signInDialog();
            auto *message = child<QLabel>(dialog, "signInMessage");
            if (caFile == notPem)
                QVERIFY2(message->text().contains(QStringLiteral("not-a-cert.pem")),
                         qPrintable(message->text()));
            type(child<QLineEdit>(dialog, "passwordEdit"), QStringLiteral("demo"));
            QSignalSpy opened(&shell, &DeskShell::deskOpened);
            QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
            if (caFile == cert) {
                QVERIFY(opened.wait(10000));
            } else {
                QTRY_VERIFY_WITH_TIMEOUT(
                    message->text().contains(QStringLiteral("certificate is not trusted")), 10000);
                QCOMPARE(opened.count(), 0);
            }
        }
    }

    void moderatorTriagesFiveByKeyboardAndUndoes()
    {
        auto s = settings(QStringLiteral("moderator"));
        s->setValue(QStringLiteral("desk/confirmModeration"), false);
        auto shell = openSynced(*s, QStringLiteral("moderator"));
        QVERIFY(shell);
        DeskWindow *window = shell->window();
        window->selectQueue(DeskQueue::Incoming);
        auto *table = child<QTableView>(window, "queueTable");
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int before = table->model()->rowCount();
        QVERIFY2(before >= 6, qPrintable(QString::number(before)));
        QCOMPARE(window->queueCount(DeskQueue::Incoming), before);
        QList<qint64> ids;
        for (int row = 0; row < 6; ++row)
            ids << table->model()->index(row, 0).data(Qt::UserRole + 1).toLongLong();
        QCOMPARE(window->currentComplaintId(), ids[0]);

        // J and K move; the view follows.
        table->setFocus();
        QTest::keyClick(window, Qt::Key_J);
        QCOMPARE(window->currentComplaintId(), ids[1]);
        QTest::keyClick(window, Qt::Key_K);
        QCOMPARE(window->currentComplaintId(), ids[0]);

        // P publishes with the suggested category and agency; the next opens at once.
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(window->currentComplaintId(), ids[i]);
            QTest::keyClick(window, Qt::Key_P);
        }
        QCOMPARE(window->currentComplaintId(), ids[5]);
        const QList<OutboxAction> queued = shell->cache()->outbox().all();
        QCOMPARE(queued.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(queued[i].complaintId, ids[i]);
            QCOMPARE(queued[i].action, QStringLiteral("publish"));
        }
        QCOMPARE(table->model()->rowCount(), before - 5);

        // Ctrl+Z takes the last back while it waits in the outbox.
        QTest::keyClick(window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(shell->cache()->outbox().count(), 4);
        QCOMPARE(window->currentComplaintId(), ids[4]);
        QVERIFY(!shell->cache()->drafts().draft(ids[4]));
        QCOMPARE(table->model()->rowCount(), before - 4);

        // R focuses the reason, and none is chosen for a new complaint:
        // Enter alone rejects nothing and says what is missing.
        QTest::keyClick(window, Qt::Key_R);
        auto *reason = child<QComboBox>(window, "rejectReason");
        QVERIFY(reason->hasFocus());
        QCOMPARE(reason->currentIndex(), -1);
        QTest::keyClick(reason, Qt::Key_Return);
        QCOMPARE(shell->cache()->outbox().count(), 4);
        QVERIFY2(
            window->statusBar()->currentMessage().contains(QStringLiteral("Choose the reason")),
            qPrintable(window->statusBar()->currentMessage()));
        // ↓ chooses one; with the confirmation on, the question names what
        // will happen, with what; Ctrl+Enter in the comment rejects.
        QTest::keyClick(reason, Qt::Key_Down);
        QCOMPARE(reason->currentIndex(), 0);
        const QString chosen = reason->currentText();
        auto *comment = child<QPlainTextEdit>(window, "rejectText");
        comment->setFocus();
        comment->insertPlainText(QStringLiteral("Повтор"));
        child<QAction>(window, "confirmAction")->setChecked(true);
        QString asked;
        QTimer::singleShot(0, [&asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            asked = box->text();
            box->button(QMessageBox::Yes)->click();
        });
        QTest::keyClick(comment, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(asked, QStringLiteral("Reject complaint No. %1 with the reason “%2. Повтор”?")
                            .arg(ids[4])
                            .arg(chosen));
        QCOMPARE(shell->cache()->outbox().all().last().action, QStringLiteral("reject"));
        QCOMPARE(shell->cache()->outbox().all().last().complaintId, ids[4]);
        child<QAction>(window, "confirmAction")->setChecked(false);
        // The next complaint starts with no reason again, not this one's.
        QTest::keyClick(window, Qt::Key_R);
        QCOMPARE(reason->currentIndex(), -1);

        QVERIFY(syncOnce(*shell));
        QCOMPARE(shell->cache()->outbox().count(), 0);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(serverState(ids[i]), QStringLiteral("published"));
        QCOMPARE(serverState(ids[4]), QStringLiteral("rejected"));
        auto *outbox = child<QToolButton>(window, "outboxStatus");
        QTRY_VERIFY(outbox->text().contains(QLatin1String("0")));
        window->close();
    }

    void clerkDraftsOfflineSendsOnlineAndResolvesAConflict()
    {
        auto s = settings(QStringLiteral("clerk"));
        qint64 first = 0;
        qint64 second = 0;
        {
            auto shell = openSynced(*s, QStringLiteral("clerk"));
            QVERIFY(shell);
            m_offline = true;
            DeskWindow *window = shell->window();
            window->setAutosaveDelay(30);
            window->selectQueue(DeskQueue::NewForAgency);
            auto *table = child<QTableView>(window, "queueTable");
            QVERIFY(table->model()->rowCount() >= 2);
            first = window->currentComplaintId();
            second = table->model()->index(1, 0).data(Qt::UserRole + 1).toLongLong();

            auto *kind = child<QComboBox>(window, "answerKind");
            kind->setCurrentIndex(kind->findData(QStringLiteral("refuse")));
            auto *ground = child<QComboBox>(window, "refusalGround");
            auto *text = child<QPlainTextEdit>(window, "answerText");
            auto *send = child<QPushButton>(window, "sendAnswer");
            // Missing ground: a message on the field, nothing queued.
            type(text, QStringLiteral("Коротко"));
            QTest::mouseClick(send, Qt::LeftButton);
            QVERIFY(child<QLabel>(window, "groundError")->isVisible());
            QCOMPARE(shell->cache()->outbox().count(), 0);

            text->clear();
            ground->setCurrentIndex(1); // the template goes in
            QVERIFY(!text->toPlainText().isEmpty());
            text->moveCursor(QTextCursor::End);
            type(text, QStringLiteral(" Участок не относится к ведению управления: "
                                      "ул. Ленина, 5 обслуживает ТСЖ «Север»."));
            QTRY_VERIFY(shell->cache()->drafts().draft(first).has_value());
            QCOMPARE(shell->cache()->drafts().draft(first)->kind, QStringLiteral("refuse"));
            window->close(); // the app closes with the draft unsent
        }
        {
            // Reopened offline: the draft is in its queue and in the editor.
            auto shell = makeShell(*s, QStringLiteral("clerk"), true);
            QSignalSpy opened(shell.get(), &DeskShell::deskOpened);
            shell->start();
            QVERIFY(opened.wait(10000));
            DeskWindow *window = shell->window();
            QSignalSpy finished(shell->sync(), &SyncController::finished);
            QVERIFY(finished.wait(30000)); // offline: fails, keeps everything
            QCOMPARE(window->queueCount(DeskQueue::Drafts), 1);
            window->selectQueue(DeskQueue::Drafts);
            QCOMPARE(window->currentComplaintId(), first);
            auto *text = child<QPlainTextEdit>(window, "answerText");
            QVERIFY(text->toPlainText().contains(QStringLiteral("ТСЖ «Север»")));
            QCOMPARE(child<QComboBox>(window, "answerKind")->currentData().toString(),
                     QStringLiteral("refuse"));
            QTest::mouseClick(child<QPushButton>(window, "sendAnswer"), Qt::LeftButton);
            QCOMPARE(shell->cache()->outbox().count(), 1);
            QCOMPARE(shell->cache()->drafts().count(), 0);

            // A deadline for the second, while someone edits it on the server.
            window->selectQueue(DeskQueue::All);
            window->openComplaint(second);
            QCOMPARE(window->currentComplaintId(), second);
            auto *kind = child<QComboBox>(window, "answerKind");
            kind->setCurrentIndex(kind->findData(QStringLiteral("set_deadline")));
            auto *date = child<QDateEdit>(window, "answerDeadline");
            QVERIFY(date->isVisible());
            // No date is carried over or assumed: the field says none is
            // chosen, and sending without one is refused where the date is.
            QCOMPARE(date->date(), date->minimumDate());
            QCOMPARE(date->text(), QStringLiteral("choose the date"));
            window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(window));
            child<QPlainTextEdit>(window, "answerText")->setFocus();
            type(child<QPlainTextEdit>(window, "answerText"),
                 QStringLiteral("Ремонт включён в план работ на месяц."));
            QTest::keyClick(child<QPlainTextEdit>(window, "answerText"), Qt::Key_Return,
                            Qt::ControlModifier);
            QCOMPARE(shell->cache()->outbox().count(), 1);
            QVERIFY(!child<QLabel>(window, "deadlineError")->text().isEmpty());
            date->setDate(date->minimumDate().addDays(8));
            QTest::keyClick(child<QPlainTextEdit>(window, "answerText"), Qt::Key_Return,
                            Qt::ControlModifier);
            QCOMPARE(shell->cache()->outbox().count(), 2);
            // The editor shown next has no date of this one's.
            QCOMPARE(date->date(), date->minimumDate());
            const QByteArray moderator = m_server->signIn(QStringLiteral("moderator"));
            const QJsonObject current = m_server->complaint(second, moderator);
            const auto redact = m_server->act(
                second,
                {{QStringLiteral("action"), QStringLiteral("redact")},
                 {QStringLiteral("base_version"), current.value(QStringLiteral("version"))},
                 {QStringLiteral("text"), QStringLiteral("Текст, отредактированный модератором.")}},
                moderator);
            QCOMPARE(redact.status, 200);

            // Back online: the refusal is sent, the deadline meets the edit.
            m_offline = false;
            QVERIFY(syncOnce(*shell));
            QCOMPARE(serverState(first), QStringLiteral("refused"));
            QTRY_COMPARE(window->queueCount(DeskQueue::Conflicts), 1);
            auto *conflicts = child<QToolButton>(window, "conflictStatus");
            QTRY_VERIFY(conflicts->isVisible());
            QTest::mouseClick(conflicts, Qt::LeftButton);
            QCOMPARE(window->currentQueue(), DeskQueue::Conflicts);
            QCOMPARE(window->currentComplaintId(), second);

            bool sawChange = false;
            QTimer::singleShot(200, window, [&] {
                auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                auto *changes = child<QPlainTextEdit>(dialog, "conflictChanges");
                sawChange = changes->toPlainText().contains(QStringLiteral("модератором"));
                QTest::mouseClick(child<QPushButton>(dialog, "conflictReapply"), Qt::LeftButton);
            });
            window->findChild<QAction *>(QStringLiteral("resolveConflictAction"))->trigger();
            QVERIFY(sawChange);
            QVERIFY(syncOnce(*shell));
            QCOMPARE(serverState(second), QStringLiteral("in_progress"));
            QCOMPARE(shell->cache()->outbox().count(), 0);
            QTRY_COMPARE(window->queueCount(DeskQueue::Conflicts), 0);
            window->close();
        }
    }

    void mapSharesSelectionFiltersAndAreaWithTheQueue()
    {
        auto s = settings(QStringLiteral("clerk2"));
        auto shell = openSynced(*s, QStringLiteral("clerk2"));
        QVERIFY(shell);
        DeskWindow *window = shell->window();
        window->resize(1366, 768);
        window->selectQueue(DeskQueue::All);
        auto *table = child<QTableView>(window, "queueTable");
        auto *map = child<MapWidget>(window, "deskMap");
        const int all = table->model()->rowCount();
        QVERIFY2(all >= 10, qPrintable(QString::number(all)));

        // Beside the list: both in view, the map shows the whole queue.
        child<QAction>(window, "mapBesideAction")->trigger();
        QVERIFY(map->isVisible() && table->isVisible());
        QCOMPARE(map->pointCount(), all);

        // List → map: the selected complaint is marked and centred.
        table->selectRow(3);
        const qint64 id = window->currentComplaintId();
        const Complaint complaint = *shell->cache()->complaints().complaint(id);
        QCOMPARE(map->selected(), id);
        QVERIFY(qAbs(map->centre().x() - complaint.latitude) < 1e-6);
        QVERIFY(qAbs(map->centre().y() - complaint.longitude) < 1e-6);

        // Map → list: a click on its marker opens it.
        table->selectRow(0);
        QVERIFY(window->currentComplaintId() != id);
        map->setView(complaint.latitude, complaint.longitude, 19.0);
        QTest::mouseClick(map, Qt::LeftButton, {}, map->rect().center());
        QCOMPARE(window->currentComplaintId(), id);

        // The queue's filters filter the map.
        auto *state = child<QComboBox>(window, "stateFilter");
        state->setCurrentIndex(state->findData(int(ComplaintState::InProgress)));
        const int inProgress = table->model()->rowCount();
        QVERIFY(inProgress > 0 && inProgress < all);
        QCOMPARE(map->pointCount(), inProgress);
        state->setCurrentIndex(0);
        QCOMPARE(map->pointCount(), all);

        // An area drawn on the map narrows the list to what lies in it.
        map->fitAll();
        const QPoint middle = map->rect().center();
        QTest::mousePress(map, Qt::LeftButton, Qt::ShiftModifier, middle - QPoint(120, 90));
        QTest::mouseMove(map, middle);
        QTest::mouseRelease(map, Qt::LeftButton, Qt::ShiftModifier, middle + QPoint(120, 90));
        QVERIFY(map->area());
        const GeoBox area = *map->area();
        const int inArea = table->model()->rowCount();
        QVERIFY2(inArea > 0 && inArea < all,
                 qPrintable(QStringLiteral("%1 of %2").arg(inArea).arg(all)));
        QCOMPARE(map->pointCount(), inArea);
        for (int row = 0; row < inArea; ++row) {
            const qint64 rowId = table->model()->index(row, 0).data(Qt::UserRole + 1).toLongLong();
            const auto c = shell->cache()->complaints().complaint(rowId);
            QVERIFY(c && area.contains(c->latitude, c->longitude));
        }
        // The chip above the list clears it, on the map too.
        auto *chip = child<QToolButton>(window, "areaChip");
        QVERIFY(chip->isVisible());
        chip->click();
        QVERIFY(!map->area());
        QCOMPARE(table->model()->rowCount(), all);

        // A lasso (Ctrl+drag) narrows it to a free-form area.
        map->fitAll();
        QTest::mousePress(map, Qt::LeftButton, Qt::ControlModifier, middle + QPoint(-150, -100));
        for (const QPoint &p : {QPoint(150, -110), QPoint(40, 0), QPoint(160, 110)})
            QTest::mouseMove(map, middle + p);
        QTest::mouseRelease(map, Qt::LeftButton, Qt::ControlModifier, middle + QPoint(-140, 100));
        const QList<QPointF> lasso = map->areaPolygon();
        QVERIFY(lasso.size() >= 4);
        const int inLasso = table->model()->rowCount();
        QVERIFY2(inLasso > 0 && inLasso < all, qPrintable(QString::number(inLasso)));
        QCOMPARE(map->pointCount(), inLasso);
        for (int row = 0; row < inLasso; ++row) {
            const qint64 rowId = table->model()->index(row, 0).data(Qt::UserRole + 1).toLongLong();
            const auto c = shell->cache()->complaints().complaint(rowId);
            QVERIFY(c && QueueQuery::polygonContains(lasso, c->latitude, c->longitude));
        }
        chip->click();
        QCOMPARE(table->model()->rowCount(), all);

        // By keyboard: A takes what is in view, Esc gives the whole queue back.
        map->setView(complaint.latitude, complaint.longitude, 14.0);
        map->setFocus();
        QTest::keyClick(map, Qt::Key_A);
        QVERIFY(map->area());
        QVERIFY(table->model()->rowCount() < all);
        QTest::keyClick(map, Qt::Key_Escape);
        QVERIFY(!map->area());
        QVERIFY(!chip->isVisible());
        QCOMPARE(table->model()->rowCount(), all);

        // "My agency's area" frames every complaint of the clerk's agency.
        auto *agency = map->findChild<QToolButton *>(QStringLiteral("mapAgencyArea"));
        QVERIFY(agency && agency->isVisible());
        map->setView(complaint.latitude, complaint.longitude, 3.0);
        agency->click();
        QueueQuery mine;
        mine.agencies = {5};
        const auto theirs = shell->cache()->queue().points(GeoBox::world(), mine);
        QVERIFY(!theirs.isEmpty());
        for (const ComplaintPoint &p : theirs)
            QVERIFY(map->viewBox().contains(p.latitude, p.longitude));
        QVERIFY(map->zoom() > 8);

        // Help ▸ Copy diagnostics: for a support request, no token in it.
        child<QAction>(window, "copyDiagnosticsAction")->trigger();
        const QString diagnostics = QGuiApplication::clipboard()->text();
        QVERIFY(diagnostics.contains(QStringLiteral("Signed in as: clerk2")));
        QVERIFY2(
            diagnostics.contains(QStringLiteral("session/recentServers = ") + m_server->baseUrl()),
            qPrintable(diagnostics));
        QVERIFY(diagnostics.contains(QStringLiteral("Outbox: 0 pending")));
        // What the administrator locked cannot be changed from the menus.
        auto *theme = child<QMenu>(window, "themeMenu");
        QVERIFY(theme->isEnabled());
        window->setAdminLocks({QStringLiteral("ui/theme")}, {QStringLiteral("test")});
        QVERIFY(!theme->isEnabled());
        QVERIFY(window->diagnostics().contains(QStringLiteral("Locked: ui/theme")));

        // The layout is remembered for the next start.
        window->close();
        QVERIFY(s->value(QStringLiteral("desk/mapBeside")).toBool());
    }

    // Without tiles the desk's map draws the city the sync brought, says
    // that no map source is set, and its button opens View ▸ Map tiles….
    void mapWithoutTilesShowsTheCityAndTheWayToAMap()
    {
        auto s = settings(QStringLiteral("notiles"));
        s->setValue(QStringLiteral("map/source"), QStringLiteral("none"));
        auto shell = openSynced(*s, QStringLiteral("clerk"));
        QVERIFY(shell && shell->window());
        auto *map = child<MapWidget>(shell->window(), "deskMap");
        QTRY_COMPARE(map->geography().districtCount(), 5);
        QVERIFY(map->geography().streetCount() > 40);
        QVERIFY2(map->notice().contains(QStringLiteral("No map source is set")),
                 qPrintable(map->notice()));
        auto *choose = child<QPushButton>(map, "mapNoticeChoose");
        QTRY_VERIFY(choose->isVisibleTo(map));
        QString opened;
        QTimer::singleShot(300, [&opened] {
            if (QWidget *dialog = QApplication::activeModalWidget()) {
                opened = QString::fromLatin1(dialog->metaObject()->className());
                dialog->close();
            }
        });
        choose->click();
        QCOMPARE(opened, QStringLiteral("rd::MapSourceDialog"));
    }
};

QTEST_MAIN(TestDesk)
#include "tst_desk.moc"
