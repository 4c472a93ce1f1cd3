// The hold before sending (docs/sync.md "Hold"): every action the desk
// queues waits a few seconds before the sync may send it, so that Ctrl+Z
// can still take it back (Edit ▸ Hold before sending; the status bar counts
// down and offers Send now). And what Undo can take back, with the reason
// when it no longer can: what has gone out is reversed through the server
// (Complaint ▸ Return to moderation…), never silently refused.

#include "CacheError.h"
#include "ComplaintView.h"
#include "DeskSettings.h"
#include "DeskStatusBar.h"
#include "DeskWindow.h"
#include "LocalCache.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMessageBox>
#include <QSet>
#include <QSettings>
#include <QStatusBar>

#include <algorithm>

namespace rd {

void DeskWindow::buildHoldActions(QMenu *edit)
{
    edit->setToolTipsVisible(true); // Undo says why it cannot
    // Ctrl+Z once nothing can be taken back: it says why instead of nothing.
    m_undoTooLate = new QAction(tr("Why Undo cannot"), this);
    m_undoTooLate->setObjectName(QStringLiteral("undoTooLateAction"));
    m_undoTooLate->setShortcut(QKeySequence::Undo);
    m_undoTooLate->setShortcutContext(Qt::WindowShortcut);
    addAction(m_undoTooLate);
    connect(m_undoTooLate, &QAction::triggered, this,
            [this] { statusBar()->showMessage(tooLateToUndo(), 8000); });

    m_sendHeld = edit->addAction(tr("Send held actions &now"));
    m_sendHeld->setObjectName(QStringLiteral("sendHeldNowAction"));
    m_sendHeld->setToolTip(tr("Sends the actions waiting for Undo at once"));
    connect(m_sendHeld, &QAction::triggered, this, &DeskWindow::sendHeldNow);

    m_holdMenu = edit->addMenu(tr("&Hold before sending"));
    m_holdMenu->setObjectName(QStringLiteral("holdMenu"));
    const int current = DeskSettings(m_settings).sendHoldSeconds();
    QList<int> choices{0, 5, 10, 20, 30, DeskSettings::MaxSendHoldSeconds};
    if (!choices.contains(current)) { // the administrator's, or a hand-edited file's
        choices.append(current);
        std::sort(choices.begin(), choices.end());
    }
    auto *group = new QActionGroup(this);
    for (const int seconds : std::as_const(choices)) {
        QAction *a = m_holdMenu->addAction(seconds == 0 ? tr("Send at once")
                                                        : tr("%n second(s)", nullptr, seconds));
        a->setObjectName(QStringLiteral("hold_%1").arg(seconds));
        a->setCheckable(true);
        a->setChecked(seconds == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, seconds] { setSendHold(seconds); });
    }
    edit->addSeparator();
    m_actions.setHoldSeconds(current);
    updateUndo();
}

void DeskWindow::setSendHold(int seconds)
{
    DeskSettings settings(m_settings);
    settings.setSendHoldSeconds(seconds);
    m_actions.setHoldSeconds(settings.sendHoldSeconds());
    statusBar()->showMessage(
        m_actions.holdSeconds() > 0
            ? tr("From now on an action waits %n s before it is sent; Ctrl+Z takes it back "
                 "until then.",
                 nullptr, m_actions.holdSeconds())
            : tr("From now on an action is sent at once; Ctrl+Z takes it back only until the "
                 "next synchronisation."),
        6000);
}

void DeskWindow::sendHeldNow()
{
    int released = 0;
    try {
        released = m_actions.releaseHolds();
    } catch (const std::exception &e) {
        QMessageBox::critical(
            this, tr("Not sent"),
            tr("The held actions could not be released: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    if (m_sync) {
        m_sync->refreshCounts();
        m_sync->syncNow();
    }
    if (released == 0)
        statusBar()->showMessage(tr("No action is held."), 4000);
    else if (m_sync && m_sync->hasSession())
        statusBar()->showMessage(tr("Sending %n action(s) now.", nullptr, released), 4000);
    else
        statusBar()->showMessage(
            tr("%n action(s) no longer held: they are sent once you are signed in.", nullptr,
               released),
            6000);
}

void DeskWindow::updateUndo()
{
    // What went out (sent, or on its way) can no longer be taken back here.
    bool wentOut = false;
    try {
        // One read of the outbox (a bulk action may have a thousand rows).
        QSet<qint64> waiting;
        if (!m_undoable.isEmpty()) {
            for (const OutboxAction &row : m_cache.outbox().all()) {
                if (row.status != OutboxStatus::Sending)
                    waiting.insert(row.seq);
            }
        }
        for (qsizetype i = m_undoable.size() - 1; i >= 0; --i) {
            Undoable &u = m_undoable[i];
            u.batch.removeIf([&](qint64 seq) { return !waiting.contains(seq); });
            if (u.batch.isEmpty() ? waiting.contains(u.seq) : true) {
                if (!u.batch.isEmpty())
                    u.seq = u.batch.last();
                continue;
            }
            if (u.seq > m_sent.seq)
                m_sent = u;
            m_undoable.removeAt(i);
            wentOut = true;
        }
    } catch (const CacheError &) { // NOLINT(bugprone-empty-catch): read again on the next change
    }
    const bool can = !m_undoable.isEmpty();
    m_undo->setEnabled(can);
    m_undoTooLate->setEnabled(!can);
    m_undo->setText(can || !m_sent.seq ? tr("&Undo last action") : tr("&Undo: already sent"));
    const QString tip = !can ? tooLateToUndo()
                        : m_undoable.last().batch.size() > 1
                            ? tr("Takes back %1 for the %n complaint(s) of it still waiting",
                                 nullptr, int(m_undoable.last().batch.size()))
                                  .arg(ComplaintView::actionName(m_undoable.last().action))
                            : tr("Takes back No. %1 (%2) while it waits to be sent")
                                  .arg(m_undoable.last().complaintId)
                                  .arg(ComplaintView::actionName(m_undoable.last().action));
    m_undo->setToolTip(tip);
    m_undo->setStatusTip(tip);
    m_sendHeld->setEnabled(m_sync && m_sync->status().heldActions > 0);
    if (wentOut && !can)
        statusBar()->showMessage(tooLateToUndo(), 8000);
}

QString DeskWindow::tooLateToUndo() const
{
    if (!m_sent.seq)
        return tr("Nothing to undo: none of your actions waits to be sent.");
    static const QStringList decisions{QStringLiteral("publish"), QStringLiteral("reject"),
                                       QStringLiteral("mark_duplicate")};
    if (decisions.contains(m_sent.action))
        return tr("No. %1 is already sent: to reverse it, use Return to moderation (M).")
            .arg(m_sent.complaintId);
    return tr("No. %1 is already sent: Undo cannot take it back.").arg(m_sent.complaintId);
}

} // namespace rd
