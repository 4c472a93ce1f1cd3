// DeskWindow's menus, toolbar and shortcuts, and the wiring of its status
// bar (DeskStatusBar): the keyboard and the at-a-glance state of the desk
// (DeskWindow.cpp holds the queues and the work on complaints).

#include "AnswerEditor.h"
#include "ComplaintView.h"
#include "DeskSettings.h"
#include "DeskStatusBar.h"
#include "DeskWindow.h"
#include "FilterBar.h"
#include "LocalCache.h"
#include "MapSourceDialog.h"
#include "MapWidget.h"
#include "ModerationPanel.h"
#include "QueueList.h"
#include "QueueModel.h"
#include "QueuePane.h"
#include "ReportDialog.h"
#include "Theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

namespace rd {

void DeskWindow::buildMenus()
{
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buildFileMenu();
    buildEditMenu();
    buildViewMenu();
    buildComplaintMenu(toolbar);
    toolbar->addSeparator();
    toolbar->addAction(m_syncNow);
    buildHelpMenu();
}

void DeskWindow::buildFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_syncNow = file->addAction(tr("&Synchronise now"));
    m_syncNow->setObjectName(QStringLiteral("syncNowAction"));
    m_syncNow->setShortcut(QKeySequence::Refresh);
    connect(m_syncNow, &QAction::triggered, this, [this] {
        if (m_sync && m_sync->hasSession())
            m_sync->syncNow();
        else
            Q_EMIT signInRequested();
    });
    QAction *reports = file->addAction(tr("&Reports…"));
    reports->setObjectName(QStringLiteral("reportsAction"));
    reports->setShortcut(QKeySequence::Print);
    connect(reports, &QAction::triggered, this, &DeskWindow::openReports);
    QAction *signIn = file->addAction(tr("Sign &in…"));
    signIn->setObjectName(QStringLiteral("signInAction"));
    connect(signIn, &QAction::triggered, this, &DeskWindow::signInRequested);
    QAction *signOut = file->addAction(tr("Sign &out"));
    signOut->setObjectName(QStringLiteral("signOutAction"));
    connect(signOut, &QAction::triggered, this, &DeskWindow::signOutRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

void DeskWindow::buildEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = edit->addAction(tr("&Undo last action"));
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setShortcutContext(Qt::WindowShortcut);
    m_undo->setEnabled(false);
    connect(m_undo, &QAction::triggered, this, &DeskWindow::undoLast);
    buildHoldActions(edit);
    QAction *find = edit->addAction(tr("&Find"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_filter, &FilterBar::focusSearch);
    QAction *clear = edit->addAction(tr("&Clear filters"));
    clear->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(clear, &QAction::triggered, m_filter, &FilterBar::clear);
    edit->addSeparator();
    buildSavedSearchActions(edit);
}

void DeskWindow::buildViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *queues = view->addAction(tr("&Queues"));
    queues->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(queues, &QAction::triggered, this, [this] { m_queues->setFocus(); });
    QAction *table = view->addAction(tr("Complaint &list"));
    table->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(table, &QAction::triggered, this, [this] {
        m_centreTabs->setCurrentWidget(m_queuePane);
        m_table->setFocus();
    });
    QAction *map = view->addAction(tr("&Map"));
    map->setObjectName(QStringLiteral("showMapAction"));
    map->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(map, &QAction::triggered, this, [this] {
        if (!m_mapBeside->isChecked())
            m_centreTabs->setCurrentWidget(m_map);
        m_map->setFocus();
    });
    QAction *tiles = view->addAction(tr("Map &tiles…"));
    tiles->setObjectName(QStringLiteral("mapSourceAction"));
    connect(tiles, &QAction::triggered, this, [this] {
        const bool locked = m_lockedKeys.contains(DeskSettings::Key::MapUrlTemplate) ||
                            m_lockedKeys.contains(DeskSettings::Key::MapMbtiles);
        MapSourceDialog dialog(m_settings, locked, this);
        if (dialog.exec() == QDialog::Accepted)
            Q_EMIT mapSourceChanged();
    });
    connect(m_map, &MapWidget::mapSourceRequested, tiles, &QAction::trigger); // the map's notice
    m_mapBeside = view->addAction(tr("Map &beside the list"));
    m_mapBeside->setObjectName(QStringLiteral("mapBesideAction"));
    m_mapBeside->setCheckable(true);
    m_mapBeside->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_mapBeside, &QAction::toggled, this, &DeskWindow::setMapBeside);
    QAction *work = view->addAction(tr("&Answer or moderation"));
    work->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    connect(work, &QAction::triggered, this, [this] {
        if (QWidget *w = m_actionTabs->currentWidget())
            w->nextInFocusChain()->setFocus(Qt::ShortcutFocusReason);
    });
    view->addSeparator();
    m_below = view->addAction(tr("Complaint &below the list"));
    m_below->setObjectName(QStringLiteral("detailBelowAction"));
    m_below->setCheckable(true);
    connect(m_below, &QAction::toggled, this, &DeskWindow::setDetailBelow);
    buildLanguageMenu(view->addMenu(tr("&Language")));
    buildThemeMenu(view->addMenu(tr("&Colours")));
}

void DeskWindow::buildLanguageMenu(QMenu *language)
{
    m_languageMenu = language;
    auto *languages = new QActionGroup(this);
    const QString current = DeskSettings(m_settings).language();
    for (const auto &[code, name] : {std::pair{QString(), tr("Follow the system")},
                                     std::pair{QStringLiteral("ru"), QStringLiteral("Русский")},
                                     std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction *a = language->addAction(name);
        a->setObjectName(QStringLiteral("language_") +
                         (code.isEmpty() ? QStringLiteral("system") : code));
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            DeskSettings(m_settings).setLanguage(code);
            Q_EMIT languageChosen(code); // the shell applies it at once
        });
    }
}

void DeskWindow::buildThemeMenu(QMenu *theme)
{
    theme->setObjectName(QStringLiteral("themeMenu"));
    m_themeMenu = theme;
    auto *themes = new QActionGroup(this);
    const Theme currentTheme = themeFromKey(DeskSettings(m_settings).theme());
    for (const auto &[value, name] :
         {std::pair{Theme::System, tr("Follow the system")}, std::pair{Theme::Light, tr("Light")},
          std::pair{Theme::Dark, tr("Dark")}}) {
        QAction *a = theme->addAction(name);
        a->setObjectName(QStringLiteral("theme_") + themeKey(value));
        a->setCheckable(true);
        a->setChecked(value == currentTheme);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, value] {
            DeskSettings(m_settings).setTheme(themeKey(value));
            applyTheme(value);
        });
    }
}

void DeskWindow::buildComplaintMenu(QToolBar *toolbar)
{
    QMenu *complaint = menuBar()->addMenu(tr("&Complaint"));
    QAction *next = complaint->addAction(tr("&Next"));
    next->setObjectName(QStringLiteral("nextAction"));
    next->setShortcuts({QKeySequence(Qt::Key_J)});
    connect(next, &QAction::triggered, this, [this] { moveBy(1); });
    QAction *previous = complaint->addAction(tr("&Previous"));
    previous->setObjectName(QStringLiteral("previousAction"));
    previous->setShortcuts({QKeySequence(Qt::Key_K)});
    connect(previous, &QAction::triggered, this, [this] { moveBy(-1); });
    complaint->addSeparator();
    const auto moderation = [&](const QString &text, const char *name, QKeySequence key,
                                const QString &action, bool direct) {
        QAction *a = complaint->addAction(text);
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, [this, action, direct] {
            m_actionTabs->setCurrentWidget(m_moderation);
            if (direct)
                moderate(action);
            else
                m_moderation->focusAction(action);
        });
        m_moderationActions.append(a);
        toolbar->addAction(a);
        return a;
    };
    moderation(tr("&Publish"), "publishAction", QKeySequence(Qt::Key_P), QStringLiteral("publish"),
               true);
    moderation(tr("&Reject…"), "rejectAction", QKeySequence(Qt::Key_R), QStringLiteral("reject"),
               false);
    moderation(tr("Mark &duplicate…"), "duplicateAction", QKeySequence(Qt::Key_D),
               QStringLiteral("mark_duplicate"), false);
    moderation(tr("Re-ro&ute…"), "rerouteAction", QKeySequence(Qt::Key_U),
               QStringLiteral("reroute"), false);
    moderation(tr("&Edit text for publication…"), "redactAction", QKeySequence(Qt::Key_E),
               QStringLiteral("redact"), false);
    moderation(tr("Re&turn to moderation…"), "returnToModerationAction", QKeySequence(Qt::Key_M),
               QStringLiteral("return_to_moderation"), false);
    m_compare = complaint->addAction(tr("&Compare with the possible original…"));
    m_compare->setObjectName(QStringLiteral("compareAction"));
    m_compare->setShortcut(QKeySequence(Qt::Key_C));
    connect(m_compare, &QAction::triggered, this, [this] { compareWithOriginal(0); });
    m_confirm = complaint->addAction(tr("Ask &before moderation actions"));
    m_confirm->setObjectName(QStringLiteral("confirmAction"));
    m_confirm->setCheckable(true);
    m_confirm->setChecked(true);
    m_moderationActions.append(m_confirm);
    complaint->addSeparator();
    const auto answer = [&](const QString &text, const char *name, QKeySequence key,
                            const QString &kind) {
        QAction *a = complaint->addAction(text);
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, [this, kind] {
            m_actionTabs->setCurrentWidget(m_answer);
            m_answer->setKind(kind);
            m_answer->findChild<QWidget *>(QStringLiteral("answerText"))
                ->setFocus(Qt::ShortcutFocusReason);
        });
        return a;
    };
    toolbar->addAction(answer(tr("Answer: &solved"), "solveAction",
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                              QStringLiteral("solve")));
    toolbar->addAction(answer(tr("Answer: &deadline"), "deadlineAction",
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                              QStringLiteral("set_deadline")));
    toolbar->addAction(answer(tr("Answer: re&fusal"), "refuseAction",
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
                              QStringLiteral("refuse")));
    answer(tr("Internal &note"), "noteAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
           QStringLiteral("note"));
    complaint->addSeparator();
    buildBulkActions(complaint);
    QAction *conflict = complaint->addAction(tr("Resolve &conflict…"));
    conflict->setObjectName(QStringLiteral("resolveConflictAction"));
    conflict->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(conflict, &QAction::triggered, this, [this] { resolveConflict(currentComplaintId()); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        const qint64 id = index.data(QueueModel::ComplaintIdRole).toLongLong();
        if (currentQueue() == DeskQueue::Conflicts)
            resolveConflict(id);
    });
}

void DeskWindow::buildHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"));
    keys->setShortcut(QKeySequence::HelpContents);
    connect(keys, &QAction::triggered, this, [this] {
        QMessageBox::information(
            this, tr("Keyboard shortcuts"),
            tr("J / K or ↓ / ↑: next / previous complaint\n"
               "P: publish · R: reject · D: mark duplicate · U: re-route · E: edit text · "
               "M: return to moderation (moderators)\n"
               "Ctrl+Shift+S / D / X: answer solved / deadline / refusal · Ctrl+Shift+N: note\n"
               "Ctrl+Enter: send the answer · Ctrl+Z: undo the last action until it is sent\n"
               "Ctrl+F: search · Ctrl+1 / 2 / 3: queues / list / answer · Ctrl+M: map · F5: "
               "synchronise\n"
               "Map: + / −: zoom · arrows: pan · Home: show all · G: my agency's area · "
               "H: heat layer · A: narrow the queue to the view · Shift+drag: to a rectangle · "
               "Ctrl+drag: to a free-form area · "
               "Esc: whole map · Ctrl+Shift+M: map beside the list"));
    });
    QAction *diagnostics = help->addAction(tr("Copy &diagnostics"));
    diagnostics->setObjectName(QStringLiteral("copyDiagnosticsAction"));
    diagnostics->setToolTip(tr("Version, settings (no passwords), synchronisation state and the "
                               "last log lines, for a support request"));
    connect(diagnostics, &QAction::triggered, this, [this] {
        QGuiApplication::clipboard()->setText(this->diagnostics());
        statusBar()->showMessage(tr("Diagnostics copied: paste them into your support request."),
                                 8000);
    });
    QAction *about = help->addAction(tr("&About RegionDesk"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About RegionDesk"),
                           tr("RegionDesk %1: the desk for officials who answer citizens' "
                              "complaints.")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void DeskWindow::setAdminLocks(const QStringList &keys, const QStringList &sources)
{
    m_lockedKeys = keys;
    m_policySources = sources;
    const auto lock = [&](QMenu *menu, const QString &key) {
        const bool locked = keys.contains(key);
        menu->setEnabled(!locked);
        menu->setToolTip(locked ? tr("Set by your administrator") : QString());
    };
    lock(m_languageMenu, DeskSettings::Key::Language);
    lock(m_themeMenu, DeskSettings::Key::Theme);
    lock(m_holdMenu, DeskSettings::Key::SendHold);
}

void DeskWindow::setTileSource(TileSource *tiles)
{
    m_map->setTileSource(tiles);
    m_view->setTileSource(tiles);
}

void DeskWindow::setDiagnosticsSource(std::function<QString()> source)
{
    m_diagnosticsSource = std::move(source);
}

QString DeskWindow::diagnostics() const
{
    return m_diagnosticsSource ? m_diagnosticsSource() : QString();
}

void DeskWindow::buildStatusBar()
{
    m_statusBar = new DeskStatusBar(this);
    m_statusBar->setClock(m_clock);
    setStatusBar(m_statusBar);
    connect(m_statusBar, &DeskStatusBar::sendNowClicked, this, &DeskWindow::sendHeldNow);
    connect(m_statusBar, &DeskStatusBar::syncNowClicked, m_syncNow, &QAction::trigger);
    connect(m_statusBar, &DeskStatusBar::outboxClicked, this,
            [this] { selectQueue(DeskQueue::Outbox); });
    connect(m_statusBar, &DeskStatusBar::conflictsClicked, this,
            [this] { selectQueue(DeskQueue::Conflicts); });
    connect(m_statusBar, &DeskStatusBar::stopClicked, this, [this] {
        if (m_sync)
            m_sync->cancel();
    });
}

void DeskWindow::syncStatusChanged(const SyncStatus &status)
{
    const bool signedIn = m_sync && m_sync->hasSession();
    m_statusBar->showSync(status, signedIn);
    const bool online = signedIn && status.online;
    if (online != m_online)
        setOnline(online);
    m_countsDelay->start();
    updateUndo();
}

void DeskWindow::updateActions()
{
    const qint64 id = currentComplaintId();
    const bool moderator = m_user.role == Role::Moderator;
    const QStringList &codes = ModerationPanel::actionCodes();
    for (int i = 0; i < codes.size() && i < m_moderationActions.size(); ++i)
        m_moderationActions.at(i)->setEnabled(moderator && id && m_moderation->allows(codes.at(i)));
    m_compare->setVisible(moderator);
    m_compare->setEnabled(moderator && id &&
                          m_moderation->allows(QStringLiteral("mark_duplicate")));
    const QStringList kinds = m_answer->allowedKinds();
    for (const auto &[name, kind] :
         {std::pair{"solveAction", "solve"}, std::pair{"deadlineAction", "set_deadline"},
          std::pair{"refuseAction", "refuse"}, std::pair{"noteAction", "note"}}) {
        if (auto *a = findChild<QAction *>(QString::fromLatin1(name)))
            a->setEnabled(kinds.contains(QString::fromLatin1(kind)));
    }
    bool conflict = false;
    if (id) {
        for (const OutboxAction &a : m_cache.outbox().forComplaint(id))
            conflict = conflict || a.status == OutboxStatus::Conflict;
    }
    if (auto *a = findChild<QAction *>(QStringLiteral("resolveConflictAction")))
        a->setEnabled(conflict);
}

void DeskWindow::headerMenu(const QPoint &pos)
{
    QMenu menu(this);
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        QAction *a = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(column));
        a->setEnabled(column != QueueModel::IdColumn);
        connect(a, &QAction::toggled, header,
                [header, column](bool on) { header->setSectionHidden(column, !on); });
    }
    menu.exec(header->mapToGlobal(pos));
}

} // namespace rd

namespace rd {

ReportDialog *DeskWindow::reportDialog() const
{
    return m_reports;
}

void DeskWindow::openReports()
{
    if (!m_reports) {
        m_reports = new ReportDialog(m_cache, m_catalogue, m_user, m_clock, this);
        m_reports->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_reports->show();
    m_reports->raise();
    m_reports->activateWindow();
}

} // namespace rd
