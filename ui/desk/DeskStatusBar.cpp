#include "DeskStatusBar.h"
#include "DateText.h"

#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

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
    showSync({}, false);
    m_online->setText(tr("Offline"));
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
}

void DeskStatusBar::showSearchIndexStopped(const QString &message)
{
    showMessage(tr("Search may miss the newest complaints: %1 It resumes with the next "
                   "synchronisation.")
                    .arg(message),
                20000);
}

} // namespace rd
