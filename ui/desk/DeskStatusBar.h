#pragma once

#include "Clock.h"
#include "SyncController.h"

#include <QStatusBar>

class QLabel;
class QProgressBar;
class QTimer;
class QToolButton;

namespace rd {

// The desk's status bar: online or not, when it last synchronised (both
// buttons sync now), the sync's progress with a Stop button, the outbox and
// the conflicts (buttons that open those queues), and messages. While
// actions are held for Undo, a countdown to the next one's sending, ticking
// each second, and a Send now button.
class DeskStatusBar final : public QStatusBar
{
    Q_OBJECT

public:
    explicit DeskStatusBar(QWidget *parent = nullptr);

    // Where the countdown reads the time (the window's clock).
    void setClock(const Clock &clock);

    // signedIn: whether there is a session to sync with at all.
    void showSync(const SyncStatus &status, bool signedIn);
    // Indexing for search stopped on a cache error.
    void showSearchIndexStopped(const QString &message);
    // The countdown's words: count actions held, the first going in seconds.
    static QString holdText(qint64 count, qint64 seconds);
    // The message as it is drawn: whole when it fits left of the permanent
    // widgets, else shortened with "…" (the whole of it in the tooltip).
    QString visibleMessage() const;
    int messageWidth() const; // the room a message has

Q_SIGNALS:
    void syncNowClicked();
    void stopClicked();
    void outboxClicked();
    void conflictsClicked();
    void sendNowClicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void messageShown(); // the tooltip says what a shortened message says
    QToolButton *button(const char *name, const QString &tip);
    void showHold(); // the countdown, as of now

    QToolButton *m_online = nullptr;
    QToolButton *m_lastSync = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_stop = nullptr;
    QToolButton *m_outbox = nullptr;
    QToolButton *m_conflicts = nullptr;
    QLabel *m_hold = nullptr;
    QToolButton *m_sendNow = nullptr;
    QTimer *m_tick = nullptr;
    const Clock *m_clock = &Clock::system();
    qint64 m_held = 0;
    QDateTime m_holdFirst;
    QDateTime m_holdLast;
};

} // namespace rd
