#include "DeskWindow.h"

#include "AnswerEditor.h"
#include "ComplaintView.h"
#include "ConflictDialog.h"
#include "DeskSettings.h"
#include "DeskStatusBar.h"
#include "DuplicateCompareDialog.h"
#include "FilterBar.h"
#include "LocalCache.h"
#include "MapWidget.h"
#include "ModerationPanel.h"
#include "QueueList.h"
#include "QueueModel.h"
#include "QueuePane.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace rd {

DeskWindow::DeskWindow(LocalCache &cache, QSettings &settings, TileSource *tiles,
                       const Clock &clock, QWidget *parent)
    : QMainWindow(parent)
    , m_cache(cache)
    , m_settings(settings)
    , m_clock(clock)
    , m_actions(cache, clock)
{
    setObjectName(QStringLiteral("deskWindow"));
    setWindowTitle(tr("RegionDesk"));
    m_catalogue = cache.catalogue().load();
    m_today = DeskQueues::today(m_catalogue.timeZone, m_clock.now());

    m_queues = new QueueList(this);
    QWidget *centre = buildCentre(tiles);
    QWidget *detail = buildDetail(tiles);
    m_workSplitter = new QSplitter(Qt::Horizontal, this);
    m_workSplitter->setObjectName(QStringLiteral("workSplitter"));
    m_workSplitter->addWidget(centre);
    m_workSplitter->addWidget(detail);
    m_workSplitter->setStretchFactor(0, 3);
    m_workSplitter->setStretchFactor(1, 2);
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_queues);
    m_mainSplitter->addWidget(m_workSplitter);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({m_queues->minimumWidth(), 1100});
    setCentralWidget(m_mainSplitter);

    m_countsDelay = new QTimer(this);
    m_countsDelay->setSingleShot(true);
    m_countsDelay->setInterval(250);
    connect(m_countsDelay, &QTimer::timeout, this, &DeskWindow::refreshCounts);
    connectParts();

    buildMenus();
    buildStatusBar();
    restoreLayout();
}

QWidget *DeskWindow::buildCentre(TileSource *tiles)
{
    // The filter bar over the queue and the map (tabs, or one above the
    // other when the map is beside).
    m_model = new QueueModel(m_cache.queue(), m_catalogue, this);
    m_model->setToday(m_today);
    m_model->setDueSoonDays(DeskSettings(m_settings).dueSoonDays());
    m_filter = new FilterBar(this);
    m_filter->setToday(m_today);
    m_filter->setCatalogue(m_catalogue);
    m_queuePane = new QueuePane(m_model, this);
    m_table = m_queuePane->table();
    m_map = new MapWidget(tiles, this);
    m_map->setObjectName(QStringLiteral("deskMap"));
    refreshGeography();
    m_centreTabs = new QTabWidget(this);
    m_centreTabs->setObjectName(QStringLiteral("centreTabs"));
    m_centreTabs->addTab(m_queuePane, tr("&Queue"));
    m_centreTabs->addTab(m_map, tr("Ma&p"));
    // What each tab holds, in its tooltip (a screen reader's description).
    m_centreTabs->setTabToolTip(0, tr("The queue as a list (Ctrl+2)"));
    m_centreTabs->setTabToolTip(1, tr("The queue on the map (Ctrl+M)"));
    m_centreSplitter = new QSplitter(Qt::Vertical, this);
    m_centreSplitter->setObjectName(QStringLiteral("centreSplitter"));
    m_centreSplitter->setChildrenCollapsible(false);
    m_centreSplitter->addWidget(m_centreTabs);
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->addWidget(m_filter);
    centreLayout->addWidget(m_centreSplitter, 1);
    return centre;
}

QWidget *DeskWindow::buildDetail(TileSource *tiles)
{
    // The complaint, and under it the moderation panel or the answer editor.
    m_view = new ComplaintView(this);
    m_view->setCatalogue(m_catalogue);
    m_view->setToday(m_today);
    m_view->setTileSource(tiles);
    m_view->setGeography(m_cache.geography().load());
    auto *viewScroll = new QScrollArea(this);
    viewScroll->setObjectName(QStringLiteral("complaintScroll"));
    viewScroll->setAccessibleName(tr("The complaint"));
    viewScroll->setAccessibleDescription(
        tr("The open complaint: its text, place, photos and history; the arrow keys scroll"));
    viewScroll->setWidget(m_view);
    viewScroll->setWidgetResizable(true);
    viewScroll->setFrameShape(QFrame::NoFrame);
    m_moderation = new ModerationPanel(m_cache.complaints(), m_cache.queue(), this);
    m_moderation->setCatalogue(m_catalogue);
    m_answer = new AnswerEditor(m_cache.drafts(), this);
    m_answer->setClock(m_clock);
    m_answer->setCatalogue(m_catalogue);
    m_answer->setToday(m_today);
    m_actionTabs = new QTabWidget(this);
    m_actionTabs->setObjectName(QStringLiteral("actionTabs"));
    m_detailSplitter = new QSplitter(Qt::Vertical, this);
    m_detailSplitter->setObjectName(QStringLiteral("detailSplitter"));
    m_detailSplitter->addWidget(viewScroll);
    m_detailSplitter->addWidget(m_actionTabs);
    m_detailSplitter->setChildrenCollapsible(false);
    return m_detailSplitter;
}

void DeskWindow::connectParts()
{
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &DeskWindow::headerMenu);
    connect(m_queues, &QListWidget::currentRowChanged, this, &DeskWindow::queueChosen);
    connect(m_filter, &FilterBar::changed, this, &DeskWindow::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeskWindow::currentRowChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_countsDelay->start(); });
    connect(m_map, &MapWidget::complaintActivated, this, &DeskWindow::openComplaint);
    connect(m_centreTabs, &QTabWidget::currentChanged, this, [this] { refreshMap(); });
    connect(m_view, &ComplaintView::photoWanted, this, &DeskWindow::photoWanted);
    connect(m_answer, &AnswerEditor::photoWanted, this, &DeskWindow::photoWanted);
    connect(m_view, &ComplaintView::showOnMapRequested, this, [this](qint64 id) {
        if (!m_mapBeside->isChecked())
            m_centreTabs->setCurrentWidget(m_map);
        refreshMap();
        m_map->showComplaint(id);
    });
    // The map's area narrows the queue (through the filter bar, so every
    // other filter still applies); clearing either clears both.
    connect(m_map, &MapWidget::areaChosen, this,
            [this](const GeoBox &area) { m_filter->setArea(area, m_map->areaPolygon()); });
    connect(m_map, &MapWidget::areaCleared, this, [this] { m_filter->setArea(std::nullopt); });
    connect(m_filter, &FilterBar::areaCleared, this, [this] { m_map->setArea(std::nullopt); });
    connect(m_moderation, &ModerationPanel::actionRequested, this,
            qOverload<const QString &>(&DeskWindow::moderate));
    connect(m_moderation, &ModerationPanel::compareRequested, this,
            &DeskWindow::compareWithOriginal);
    connect(m_answer, &AnswerEditor::sendRequested, this, &DeskWindow::submit);
    connect(m_answer, &AnswerEditor::evidenceWanted, this, &DeskWindow::evidenceWanted);
    connect(m_answer, &AnswerEditor::draftChanged, this, [this] {
        // The draft's marker in the list changes; the selection stays.
        reloadKeepingPlace(Place::Same);
        if (currentQueue() == DeskQueue::Drafts)
            showCurrent();
        m_countsDelay->start();
    });
}

DeskWindow::~DeskWindow() = default;

void DeskWindow::setUser(const UserInfo &user, bool online)
{
    const bool sameDesk = user.role == m_user.role && user.agencyId == m_user.agencyId &&
                          user.login == m_user.login && m_queues->count() > 0;
    m_user = user;
    m_answer->setExecutor(user.displayName.isEmpty() ? user.login : user.displayName);
    setOnline(online);
    if (sameDesk)
        return; // the same queues: keep the selection, the counts and the editor
    m_agencyAreaDirty = true;
    m_answer->setActor(user.actor());
    m_actionTabs->clear();
    const bool moderator = user.role == Role::Moderator;
    if (moderator)
        m_actionTabs->addTab(m_moderation, tr("&Moderation"));
    m_actionTabs->addTab(m_answer, moderator ? tr("&Notes") : tr("A&nswer and notes"));
    for (int i = 0; i < m_actionTabs->count(); ++i)
        m_actionTabs->setTabToolTip(
            i, m_actionTabs->widget(i) == m_moderation
                   ? tr("Publish, reject, mark a duplicate, re-route or edit the open complaint")
               : moderator ? tr("Internal notes on the open complaint, for staff only")
                           : tr("The agency's answer to the open complaint, and internal "
                                "notes (Ctrl+3)"));
    m_moderation->setVisible(moderator);
    for (QAction *a : std::as_const(m_moderationActions))
        a->setVisible(moderator);
    for (QAction *a : std::as_const(m_agencyBulkActions))
        a->setVisible(!moderator);
    rebuildQueueList();
    updateActions();
}

void DeskWindow::setOnline(bool online)
{
    m_online = online;
    const QString who = m_user.displayName.isEmpty() ? m_user.login : m_user.displayName;
    setWindowTitle(online ? tr("RegionDesk — %1").arg(who)
                          : tr("RegionDesk — %1 (offline)").arg(who));
}

void DeskWindow::setSyncController(SyncController *sync)
{
    m_sync = sync;
    connect(sync, &SyncController::statusChanged, this, &DeskWindow::syncStatusChanged);
    connect(sync, &SyncController::complaintsChanged, this, &DeskWindow::complaintsChanged);
    connect(sync, &SyncController::finished, this, &DeskWindow::syncFinished);
    connect(sync, &SyncController::geographyChanged, this, &DeskWindow::refreshGeography);
    connect(sync, &SyncController::searchIndexStopped, m_statusBar,
            &DeskStatusBar::showSearchIndexStopped);
    syncStatusChanged(sync->status());
}

void DeskWindow::setToday(const QDate &today, bool fixed)
{
    m_todayFixed = fixed;
    if (today == m_today)
        return;
    m_today = today;
    m_model->setToday(today);
    m_filter->setToday(today);
    m_view->setToday(today);
    m_answer->setToday(today);
    rebuildQueueList();
}

void DeskWindow::setAutosaveDelay(int ms)
{
    m_answer->setAutosaveDelay(ms);
}

void DeskWindow::rebuildQueueList()
{
    m_saved = loadSavedSearches();
    m_queues->setQueues(DeskQueues::forRole(m_user.role), DeskSettings(m_settings).lastQueue(),
                        m_saved);
    refreshCounts(); // at once: a list without counts reads as empty queues
    queueChosen();
}

std::optional<DeskQueue> DeskWindow::currentQueue() const
{
    return m_queues->currentQueue();
}

void DeskWindow::selectQueue(DeskQueue queue)
{
    m_queues->selectQueue(queue);
}

int DeskWindow::queueCount(DeskQueue queue) const
{
    const DeskQueueContext context{m_user.role, m_user.agencyId, m_today, m_model->dueSoonDays()};
    QueueQuery query = DeskQueues::query(queue, context);
    if (queue == DeskQueue::SearchResults) {
        if (m_filter->text().trimmed().isEmpty())
            return -1;
        query.text = m_filter->text();
    }
    return int(m_cache.queue().count(query));
}

void DeskWindow::refreshCounts()
{
    m_queues->showCounts([this](DeskQueue queue) { return queueCount(queue); },
                         [this](int saved) { return savedSearchCount(saved); });
}

void DeskWindow::queueChosen()
{
    const auto queue = currentQueue();
    if (!queue)
        return;
    DeskSettings(m_settings).setLastQueue(m_queues->currentKey());
    const bool saved = m_queues->currentSaved().has_value();
    m_renameSaved->setEnabled(saved);
    m_removeSaved->setEnabled(saved);
    if (!applySavedSearch())
        applyFilter();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    else
        showCurrent();
}

void DeskWindow::applyFilter()
{
    const auto queue = currentQueue();
    if (!queue)
        return;
    const DeskQueueContext context{m_user.role, m_user.agencyId, m_today, m_model->dueSoonDays()};
    QueueQuery query = m_filter->narrow(DeskQueues::query(*queue, context));
    const int sortColumn = m_table->horizontalHeader()->sortIndicatorSection();
    if (sortColumn >= 0)
        query = QueueModel::sorted(query, sortColumn,
                                   m_table->horizontalHeader()->sortIndicatorOrder());
    const qint64 keep = currentComplaintId();
    m_model->setQuery(query);
    const int row = keep ? rowOf(keep, 0) : -1;
    if (row >= 0)
        m_table->selectRow(row);
    else if (m_model->rowCount() > 0)
        m_table->selectRow(0); // the one open before is not among the results
    else
        showCurrent(); // nothing found: nothing open
    m_mapDirty = true;
    refreshMap();
    if (*queue == DeskQueue::SearchResults)
        m_countsDelay->start();
}

void DeskWindow::reloadQueue()
{
    reloadKeepingPlace(Place::Same);
    showCurrent();
}

int DeskWindow::rowOf(qint64 id, int near) const
{
    // The model reads pages as they are shown: read the one around near
    // (where the complaint was) before looking among the loaded rows.
    if (near >= 0 && near < m_model->rowCount())
        m_model->index(near, 0).data(QueueModel::ComplaintIdRole);
    return m_model->rowOfLoaded(id);
}

void DeskWindow::reloadKeepingPlace(Place place)
{
    // The queue read again keeps the user where they were: the same
    // complaint if it is still in the queue, else the one that took its row
    // (in a triage queue: the next). After a send (Place::Next), the next
    // one either way.
    const qint64 id = currentComplaintId();
    const int oldRow = m_table->currentIndex().row();
    const QList<qint64> kept =
        m_table->selectionModel()->selectedRows().size() > 1 ? selectedIds() : QList<qint64>{};
    m_model->reload();
    const int count = m_model->rowCount();
    if (count == 0)
        return;
    const int found = id ? rowOf(id, oldRow) : -1;
    int row = found >= 0 ? found : oldRow;
    if (place == Place::Next && found >= 0)
        row = found + 1;
    if (row < 0 && !id)
        return; // nothing was open: leave it so
    row = qBound(0, row, count - 1);
    if (keepSelection(kept, row))
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

qint64 DeskWindow::currentComplaintId() const
{
    const QModelIndex index = m_table->currentIndex();
    return index.isValid() ? index.data(QueueModel::ComplaintIdRole).toLongLong() : 0;
}

void DeskWindow::openComplaint(qint64 id)
{
    int row = m_model->rowOfLoaded(id);
    if (row < 0) {
        // Not in this queue (or not loaded yet): find it among the queue's ids.
        const QList<qint64> ids = m_cache.queue().ids(m_model->query());
        row = int(ids.indexOf(id));
    }
    if (row >= 0) {
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0));
        return;
    }
    selectQueue(DeskQueue::All);
    m_filter->clear();
    const QList<qint64> ids = m_cache.queue().ids(m_model->query());
    row = int(ids.indexOf(id));
    if (row >= 0)
        m_table->selectRow(row);
}

void DeskWindow::currentRowChanged()
{
    showCurrent();
}

QString DeskWindow::localWorkNote(qint64 id) const
{
    // What the user's own unsent (or refused) work on this complaint is at.
    QString note;
    for (const OutboxAction &a : m_cache.outbox().forComplaint(id)) {
        const QString action = ComplaintView::actionName(a.action);
        switch (a.status) {
        case OutboxStatus::Pending:
        case OutboxStatus::Sending:
            note = a.lastError.isEmpty()
                       ? tr("Your action “%1” waits in the outbox.").arg(action)
                       : tr("Your action “%1” waits in the outbox: %2").arg(action, a.lastError);
            break;
        case OutboxStatus::Failed:
            note = tr("The server refused your action “%1”: %2. It is back in your "
                      "draft.")
                       .arg(action, a.lastError);
            break;
        case OutboxStatus::Conflict:
            note = tr("The complaint changed on the server before your action “%1” "
                      "arrived. Use Complaint ▸ Resolve conflict (Ctrl+Shift+R).")
                       .arg(action);
            break;
        }
    }
    if (m_cache.complaints().hasLeftScope(id))
        note +=
            QLatin1Char(' ') + tr("It is no longer assigned to you; kept for your unsent work.");
    return note.trimmed();
}

void DeskWindow::showCurrent()
{
    const qint64 id = currentComplaintId();
    const auto complaint = id ? m_cache.complaints().complaint(id) : std::nullopt;
    if (id != m_shownId || !complaint) {
        m_view->showComplaint(complaint, complaint ? m_cache.media().photos(id) : QList<Photo>{},
                              complaint ? m_cache.media().history(id) : QList<HistoryEntry>{},
                              complaint ? localWorkNote(id) : QString());
        m_moderation->setComplaint(complaint);
        m_answer->setComplaint(complaint);
        m_shownId = complaint ? id : 0;
        if (complaint)
            Q_EMIT historyWanted(id);
        if (complaint && mapShown())
            m_map->showComplaint(id);
    }
    updateActions();
}

void DeskWindow::moveBy(int rows)
{
    if (m_model->rowCount() == 0)
        return;
    const int row = qBound(0, m_table->currentIndex().row() + rows, m_model->rowCount() - 1);
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

void DeskWindow::reloadCatalogue()
{
    const Catalogue catalogue = m_cache.catalogue().load();
    if (catalogue == m_catalogue)
        return;
    m_catalogue = catalogue;
    if (!m_todayFixed)
        setToday(DeskQueues::today(catalogue.timeZone, m_clock.now()), false);
    m_model->setCatalogue(catalogue);
    m_filter->setCatalogue(catalogue);
    m_view->setCatalogue(catalogue);
    m_moderation->setCatalogue(catalogue);
    m_answer->setCatalogue(catalogue);
    m_shownId = 0;
}

void DeskWindow::complaintsChanged(const QList<qint64> &ids)
{
    reloadCatalogue();
    const qint64 current = currentComplaintId();
    const bool nothingOpen = !m_table->currentIndex().isValid();
    reloadKeepingPlace(Place::Same);
    if (nothingOpen && m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
        m_table->selectRow(0);
    if (ids.isEmpty() || ids.contains(current) || currentComplaintId() != current) {
        if (!m_answer->hasUnsavedChanges())
            m_shownId = 0;
        showCurrent();
    }
    m_mapDirty = true;
    m_agencyAreaDirty = true;
    refreshMap();
    m_countsDelay->start();
}

void DeskWindow::refreshGeography()
{
    // The city's outlines and streets, for the map and the complaint's
    // small map alike (both draw them when there are no tiles).
    m_map->showGeographyOf(m_cache.geography());
    if (m_view)
        m_view->setGeography(m_cache.geography().load());
}

void DeskWindow::showPhoto(const QString &photoId, const QImage &image)
{
    m_view->setPhoto(photoId, image);
    m_answer->setPhoto(photoId, image);
    if (m_compareDialog)
        m_compareDialog->setPhoto(photoId, image);
}

void DeskWindow::showPhotoFailed(const QString &photoId, const QString &message)
{
    m_view->setPhotoFailed(photoId, message);
}

void DeskWindow::retryPhotos()
{
    m_view->requestMissingPhotos();
}

void DeskWindow::historyArrived(qint64 complaintId)
{
    if (complaintId == m_view->complaintId())
        m_view->setHistory(m_cache.media().history(complaintId));
}

void DeskWindow::historyFailed(qint64 complaintId, const QString &message)
{
    if (complaintId == m_view->complaintId() && !m_cache.media().history(complaintId).isEmpty())
        return; // the cached history stands
    if (complaintId == m_view->complaintId())
        m_view->setHistoryNotice(message);
}

void DeskWindow::evidenceUploaded(qint64 complaintId, const QString &path, const Photo &photo)
{
    Q_UNUSED(complaintId)
    m_answer->evidenceUploaded(photo, path);
}

void DeskWindow::evidenceFailed(qint64 complaintId, const QString &path, const QString &message)
{
    if (complaintId == m_answer->complaintId())
        m_answer->evidenceFailed(path, message);
}

void DeskWindow::saveWork()
{
    m_answer->saveNow();
}

void DeskWindow::closeEvent(QCloseEvent *event)
{
    saveWork();
    if (m_askBeforeClosing && !mayClose()) {
        event->ignore();
        return;
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace rd
