#pragma once

#include "ApiClient.h"
#include "BulkActions.h"
#include "Catalogue.h"
#include "Clock.h"
#include "DeskQueues.h"
#include "QueueQuery.h"
#include "SavedSearches.h"
#include "SyncController.h"
#include "UserActions.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QSettings;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QToolBar;
class QToolButton;

namespace rd {

class ReportDialog;
class BulkResultDialog;

class AnswerEditor;
class ComplaintView;
class DuplicateCompareDialog;
class DeskStatusBar;
class FilterBar;
class LocalCache;
class MapWidget;
class ModerationPanel;
class QueueModel;
class QueueList;
class QueuePane;
class TileSource;

// The window officials live in: queues with live counts on the left, the
// chosen queue as a table (or on the map) in the centre, the complaint with
// the moderation tools or the answer editor beside or below it, and the
// sync state in the status bar. It works on the local cache only; actions
// go to the outbox and the sync sends them, so nothing here waits on the
// network. The shell (DeskShell) wires the session, the sync and fetches.
// Its parts: QueueList, FilterBar, QueuePane, MapWidget, ComplaintView,
// ModerationPanel, AnswerEditor, DeskStatusBar; DeskWindowActions.cpp holds
// the menus and shortcuts, DeskWindowWork.cpp the work on complaints.
class DeskWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeskWindow)
public:
    // clock: where "now" and the service's "today" come from.
    DeskWindow(LocalCache &cache, QSettings &settings, TileSource *tiles = nullptr,
               const Clock &clock = Clock::system(), QWidget *parent = nullptr);
    ~DeskWindow() override;

    void setUser(const UserInfo &user, bool online);
    // What the administrator locked (their menus disabled) and where from
    // (for diagnostics).
    void setAdminLocks(const QStringList &keys, const QStringList &sources);
    const QStringList &lockedKeys() const { return m_lockedKeys; }
    const QStringList &policySources() const { return m_policySources; }
    const UserInfo &user() const { return m_user; }
    // The map's tile source changed (View ▸ Map tiles…): the shell makes the
    // new one and hands it over here.
    void setTileSource(TileSource *tiles);
    // Help ▸ Copy diagnostics: also put on the clipboard. The text comes from
    // the shell (app/Diagnostics), which knows the log and the sync.
    void setDiagnosticsSource(std::function<QString()> source);
    QString diagnostics() const;
    void setSyncController(SyncController *sync);
    // The day deadlines count from; by default the service's today (the
    // catalogue's time zone). fixed: keep it (tests, reports of a past day).
    void setToday(const QDate &today, bool fixed = true);
    void setAutosaveDelay(int ms);
    // Closing asks first while actions wait in the outbox (default); off when
    // the window is closed only to be built again.
    void setAskBeforeClosing(bool ask) { m_askBeforeClosing = ask; }
    // Keeps what is typed in the answer editor as its draft now (before a
    // sign-out counts the unsent work, as before closing).
    void saveWork();

    // Where the user is, to carry over into a window built again (another
    // language): the open complaint, the search text, the map tab.
    struct WorkState
    {
        qint64 complaintId = 0;
        QString search;
        bool mapTab = false;
    };
    WorkState workState() const;
    void restoreWorkState(const WorkState &state);

    std::optional<DeskQueue> currentQueue() const;
    void selectQueue(DeskQueue queue);
    qint64 currentComplaintId() const;
    void openComplaint(qint64 id);
    int queueCount(DeskQueue queue) const;
    // Saves the filters over a queue as the user's own queue (what the
    // dialog of Edit ▸ Save the filters as a queue does with its name);
    // ask: before replacing one of the same name. Selects it.
    bool saveSearchAs(const QString &name, DeskQueue queue, const QueueFilters &filters, bool ask);
    const QList<SavedSearch> &savedSearches() const { return m_saved; }
    // Bulk work (DeskWindowBulk.cpp): the complaints chosen in the list (or
    // all in the queue, after selectAllMatching), and one action for all of
    // them, each complaint's fields from fieldsFor; the result dialog shown.
    QList<qint64> selectedIds() const;
    void selectAllMatching();
    BulkResultDialog *runBulk(const QString &action, const QList<qint64> &ids,
                              const BulkActions::FieldsFor &fieldsFor);
    void refreshCounts();
    void reloadQueue();

    // From the shell's on-demand requests.
    void showPhoto(const QString &photoId, const QImage &image);
    void showPhotoFailed(const QString &photoId, const QString &message);
    // Online again (signed in): the complaint's photos that failed load now.
    void retryPhotos();
    // File ▸ Reports (Ctrl+P): the supervisor's reports from the cache.
    void openReports();
    ReportDialog *reportDialog() const;
    void historyArrived(qint64 complaintId);
    void historyFailed(qint64 complaintId, const QString &message);
    void evidenceUploaded(qint64 complaintId, const QString &path, const rd::Photo &photo);
    void evidenceFailed(qint64 complaintId, const QString &path, const QString &message);

Q_SIGNALS:
    void photoWanted(const QString &photoId);
    void historyWanted(qint64 complaintId);
    void evidenceWanted(qint64 complaintId, const QString &path);
    void signInRequested();
    void signOutRequested();
    void languageChosen(const QString &language); // "" follows the system
    void mapSourceChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildMenus(); // the menus and the toolbar, one function per menu:
    void buildFileMenu();
    void buildEditMenu();
    void buildViewMenu();
    void buildLanguageMenu(QMenu *language);
    void buildThemeMenu(QMenu *theme);
    void buildComplaintMenu(QToolBar *toolbar);
    void buildHelpMenu();
    void buildStatusBar();
    QWidget *buildCentre(TileSource *tiles);
    QWidget *buildDetail(TileSource *tiles);
    void connectParts();
    QString localWorkNote(qint64 id) const;
    void rebuildQueueList();
    void setOnline(bool online); // the window's title
    // Where the selection goes when the queue is read again.
    enum class Place
    {
        Same, // the same complaint, else the one now in its row
        Next, // the one after it (after a send)
    };
    void reloadKeepingPlace(Place place);
    // The row of a complaint, looking first around near; -1 when not loaded.
    int rowOf(qint64 id, int near) const;
    void queueChosen();
    void applyFilter();
    void currentRowChanged();
    void showCurrent();
    void moveBy(int rows);
    void moderate(const QString &action);
    void moderate(const QString &action, bool ask); // ask: confirm first
    QString confirmation(const QString &action, qint64 id, const QJsonObject &fields) const;
    void submit(qint64 id, const QString &action, const QJsonObject &fields, qint64 baseVersion);
    void undoLast();
    // Side by side with its possible original (0: the one chosen on the
    // duplicate page, else the likeliest); marks it a duplicate if asked.
    void compareWithOriginal(qint64 originalId);
    // DeskWindowHold.cpp: the hold before sending (Edit ▸ Hold before
    // sending, Send now) and what Undo can still take back.
    void buildHoldActions(QMenu *edit);
    // DeskWindowSaved.cpp: the user's saved searches.
    void buildSavedSearchActions(QMenu *edit);
    void buildBulkActions(QMenu *complaint);
    void bulkAction(const QString &action); // asks its fields, then runBulk
    QList<SavedSearch> loadSavedSearches();
    bool storeSavedSearches(const QList<SavedSearch> &saved, const QString &current);
    int savedSearchCount(int index) const;
    bool applySavedSearch(); // false: nothing to apply, the caller applies the queue
    void saveSearch();
    void renameSaved(int index);
    void removeSaved(int index);
    void setSendHold(int seconds);
    void sendHeldNow();
    void updateUndo();
    QString tooLateToUndo() const;
    void resolveConflict(qint64 complaintId);
    void syncStatusChanged(const SyncStatus &status);
    bool mayClose(); // unsent work: tell, offer to send first
    void syncFinished();
    void complaintsChanged(const QList<qint64> &ids);
    void reloadCatalogue();
    void refreshGeography();
    void updateActions();
    void setDetailBelow(bool below);
    void refreshMap();
    bool mapShown() const;
    void setMapBeside(bool beside);
    void saveLayout();
    void restoreLayout();
    void headerMenu(const QPoint &pos);

    LocalCache &m_cache;
    QSettings &m_settings;
    const Clock &m_clock;
    UserActions m_actions;
    UserInfo m_user;
    Catalogue m_catalogue;
    bool m_online = false;
    QDate m_today;
    bool m_todayFixed = false;
    SyncController *m_sync = nullptr;
    QueueModel *m_model = nullptr;
    QueueList *m_queues = nullptr;
    FilterBar *m_filter = nullptr;
    QueuePane *m_queuePane = nullptr;
    QTableView *m_table = nullptr; // the queue pane's
    QTabWidget *m_centreTabs = nullptr;
    QSplitter *m_centreSplitter = nullptr; // the list above, the map below when beside
    MapWidget *m_map = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_workSplitter = nullptr;
    QSplitter *m_detailSplitter = nullptr;
    ComplaintView *m_view = nullptr;
    QTabWidget *m_actionTabs = nullptr;
    ModerationPanel *m_moderation = nullptr;
    AnswerEditor *m_answer = nullptr;
    QTimer *m_countsDelay = nullptr;
    DeskStatusBar *m_statusBar = nullptr;
    QAction *m_syncNow = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_confirm = nullptr;
    QAction *m_compare = nullptr;
    QPointer<DuplicateCompareDialog> m_compareDialog; // while one is open
    QAction *m_below = nullptr;
    QAction *m_mapBeside = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_themeMenu = nullptr;
    QStringList m_lockedKeys;
    QStringList m_policySources;
    std::function<QString()> m_diagnosticsSource;
    QList<QAction *> m_moderationActions;
    // What Ctrl+Z can take back: the actions queued here, newest last, while
    // they wait (held or offline); the last one that went out, for saying why
    // it no longer can.
    struct Undoable
    {
        qint64 seq = 0;
        qint64 complaintId = 0;
        QString action;
        // A bulk action: all its outbox rows (seq is the last), taken back
        // together; those gone out are dropped from it as they go.
        QList<qint64> batch;
    };
    bool undoBatch(Undoable &last); // DeskWindowBulk.cpp
    bool keepSelection(const QList<qint64> &kept, int row);
    QList<Undoable> m_undoable;
    Undoable m_sent;
    QAction *m_undoTooLate = nullptr; // Ctrl+Z once nothing can be taken back: says why
    QAction *m_sendHeld = nullptr;
    QList<SavedSearch> m_saved;
    QList<qint64> m_allMatching;   // "select all in the queue": more than the loaded rows
    QueueQuery m_allMatchingQuery; // …of this query only
    bool m_selectingAll = false;
    QList<QAction *> m_agencyBulkActions; // an agency's answers: not for moderators
    QPointer<BulkResultDialog> m_bulkResult;
    bool m_savedShown = false; // a saved search's filters are on the bar
    QAction *m_renameSaved = nullptr;
    QAction *m_removeSaved = nullptr;
    QMenu *m_holdMenu = nullptr;
    qint64 m_shownId = 0;
    bool m_mapDirty = true;
    bool m_agencyAreaDirty = true;
    QPointer<ReportDialog> m_reports;
    bool m_askBeforeClosing = true;
    bool m_closeAfterSync = false;
    bool m_defaultSplit = false; // no saved or moved splitter: sized with the window
};

} // namespace rd
