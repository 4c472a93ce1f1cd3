#pragma once

#include "SyncController.h"

#include <QStatusBar>

class QProgressBar;
class QToolButton;

namespace rd {

// The desk's status bar: online or not, when it last synchronised (both
// buttons sync now), the sync's progress with a Stop button, the outbox and
// the conflicts (buttons that open those queues), and messages.
class DeskStatusBar final : public QStatusBar
{
    Q_OBJECT

public:
    explicit DeskStatusBar(QWidget *parent = nullptr);

    // signedIn: whether there is a session to sync with at all.
    void showSync(const SyncStatus &status, bool signedIn);
    // Indexing for search stopped on a cache error.
    void showSearchIndexStopped(const QString &message);

Q_SIGNALS:
    void syncNowClicked();
    void stopClicked();
    void outboxClicked();
    void conflictsClicked();

private:
    QToolButton *button(const char *name, const QString &tip);

    QToolButton *m_online = nullptr;
    QToolButton *m_lastSync = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_stop = nullptr;
    QToolButton *m_outbox = nullptr;
    QToolButton *m_conflicts = nullptr;
};

} // namespace rd
