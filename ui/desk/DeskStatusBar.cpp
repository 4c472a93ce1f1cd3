#include "DeskStatusBar.h"
#include "DateText.h"

#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QStyleOption>
#include <QTimer>
#include <QToolButton>

#include <cmath>

namespace rd {

DeskStatusBar::DeskStatusBar(QWidget *parent)
    : QStatusBar(parent)
{
    setObjectName(QStringLiteral("deskStatusBar"));
    m_online = button("onlineStatus", tr("Synchronise now"));
    m_lastSync = button("lastSyncStatus", tr("Synchronise now"));
    m_outbox = button("outboxStatus", tr("Show the outbox"));
    m_conflicts = button("conflictStatus", tr("Show the conflicts"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setVisible(false);
    m_stop = button("cancelSync", tr("Stop the synchronisation"));
    m_stop->setText(tr("Stop"));
    m_stop->setVisible(false);
    m_hold = new QLabel(this);
    m_hold->setObjectName(QStringLiteral("holdStatus"));
    m_hold->setVisible(false);
    m_sendNow = button("sendNowButton", tr("Send the held actions now, without waiting"));
    m_sendNow->setText(tr("Send now"));
    m_sendNow->setVisible(false);
    m_tick = new QTimer(this);
    m_tick->setInterval(250); // the seconds change on time, whenever the hold began
    connect(m_tick, &QTimer::timeout, this, &DeskStatusBar::showHold);
    addPermanentWidget(m_hold);
    addPermanentWidget(m_sendNow);
    addPermanentWidget(m_progress);
    addPermanentWidget(m_stop);
    addPermanentWidget(m_outbox);
    addPermanentWidget(m_conflicts);
    addPermanentWidget(m_lastSync);
    addPermanentWidget(m_online);
    connect(m_online, &QToolButton::clicked, this, &DeskStatusBar::syncNowClicked);
    connect(m_lastSync, &QToolButton::clicked, this, &DeskStatusBar::syncNowClicked);
    connect(m_outbox, &QToolButton::clicked, this, &DeskStatusBar::outboxClicked);
    connect(m_conflicts, &QToolButton::clicked, this, &DeskStatusBar::conflictsClicked);
    connect(m_stop, &QToolButton::clicked, this, &DeskStatusBar::stopClicked);
    connect(m_sendNow, &QToolButton::clicked, this, &DeskStatusBar::sendNowClicked);
    connect(this, &QStatusBar::messageChanged, this, &DeskStatusBar::messageShown);
    showSync({}, false);
    m_online->setText(tr("Offline"));
}

int DeskStatusBar::messageWidth() const
{
    // From the left edge to the first permanent widget shown.
    int right = contentsRect().right();
    for (QWidget *w : findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        if (w->isVisible() && w->x() > 0 && !w->isWindow())
            right = qMin(right, w->x() - 6);
    }
    return qMax(0, right - contentsRect().left() - 6);
}

QString DeskStatusBar::visibleMessage() const
{
    const QString message = currentMessage();
    return fontMetrics().elidedText(message, Qt::ElideRight, messageWidth());
}

void DeskStatusBar::messageShown()
{
    const QString message = currentMessage();
    setToolTip(visibleMessage() == message ? QString() : message);
    update();
}

void DeskStatusBar::paintEvent(QPaintEvent *event)
{
    // QStatusBar draws a long message under the permanent widgets (the
    // outbox, the sync time): drawn here instead, shortened to its room.
    Q_UNUSED(event)
    QPainter painter(this);
    QStyleOption option;
    option.initFrom(this);
    style()->drawPrimitive(QStyle::PE_PanelStatusBar, &option, &painter, this);
    const QString message = visibleMessage();
    if (message.isEmpty())
        return;
    painter.setPen(palette().windowText().color());
    const QRect room(contentsRect().left() + 6, contentsRect().top(), messageWidth(),
                     contentsRect().height());
    painter.drawText(room, Qt::AlignLeading | Qt::AlignVCenter | Qt::TextSingleLine, message);
}

void DeskStatusBar::resizeEvent(QResizeEvent *event)
{
    QStatusBar::resizeEvent(event);
    messageShown();
}

QToolButton *DeskStatusBar::button(const char *name, const QString &tip)
{
    auto *b = new QToolButton(this);
    b->setObjectName(QString::fromLatin1(name));
    b->setAutoRaise(true);
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

void DeskStatusBar::showSync(const SyncStatus &status, bool signedIn)
{
    m_online->setText(!signedIn       ? tr("Offline: not signed in")
                      : status.online ? tr("Online")
                                      : tr("Offline"));
    m_online->setToolTip(status.lastError.isEmpty() ? tr("Synchronise now") : status.lastError);
    m_lastSync->setText(status.lastSuccess.isValid()
                            ? tr("Synchronised %1").arg(DateText::dateTime(status.lastSuccess))
                            : tr("Not synchronised yet"));
    m_progress->setVisible(status.syncing);
    m_stop->setVisible(status.syncing);
    if (status.syncing) {
        const SyncProgress &p = status.progress;
        m_progress->setToolTip(tr("Sent %1 of %2 action(s); received %3 complaint(s)")
                                   .arg(p.actionsSent)
                                   .arg(p.actionsToSend)
                                   .arg(p.records));
    }
    m_outbox->setText(
        status.failedActions > 0
            ? tr("Outbox: %1 (%2 refused)").arg(status.pendingActions).arg(status.failedActions)
            : tr("Outbox: %1").arg(status.pendingActions));
    m_conflicts->setText(tr("Conflicts: %1").arg(status.conflicts));
    m_conflicts->setVisible(status.conflicts > 0);
    if (!status.lastError.isEmpty() && !status.syncing)
        showMessage(status.lastError, 10000);
    m_held = status.heldActions;
    m_holdFirst = status.holdFirstRelease;
    m_holdLast = status.holdLastRelease;
    showHold();
}

void DeskStatusBar::setClock(const Clock &clock)
{
    m_clock = &clock;
    showHold();
}

QString DeskStatusBar::holdText(qint64 count, qint64 seconds)
{
    if (seconds <= 0)
        return tr("Sending…");
    if (count <= 1)
        return tr("Sending in %1 s — Ctrl+Z undoes").arg(seconds);
    return tr("Sending %n action(s), the first in %1 s — Ctrl+Z undoes the last", nullptr,
              int(count))
        .arg(seconds);
}

void DeskStatusBar::showHold()
{
    const bool held = m_held > 0 && m_holdFirst.isValid();
    m_hold->setVisible(held);
    m_sendNow->setVisible(held);
    if (!held) {
        m_tick->stop();
        return;
    }
    if (!m_tick->isActive())
        m_tick->start();
    const QDateTime now = m_clock->now();
    const auto secondsTo = [&now](const QDateTime &t) {
        return qint64(std::ceil(double(now.msecsTo(t)) / 1000.0));
    };
    // As wide as its widest count of seconds: the bar does not move as
    // they count down (two digits at most: the hold is at most a minute).
    const QString widest = holdText(m_held, 88);
    m_hold->setMinimumWidth(m_hold->fontMetrics().horizontalAdvance(widest) + 4);
    m_hold->setText(holdText(m_held, secondsTo(m_holdFirst)));
    m_hold->setToolTip(
        m_held > 1 ? tr("%n action(s) wait before they are sent; the last goes in %1 s. Ctrl+Z "
                        "takes back the last one, Send now sends them all at once.",
                        nullptr, int(m_held))
                         .arg(std::max<qint64>(0, secondsTo(m_holdLast)))
                   : tr("The action waits before it is sent, so that Ctrl+Z can still take it "
                        "back. Send now sends it at once."));
}

void DeskStatusBar::showSearchIndexStopped(const QString &message)
{
    showMessage(tr("Search may miss the newest complaints: %1 It resumes with the next "
                   "synchronisation.")
                    .arg(message),
                20000);
}

} // namespace rd
