#include "BulkResultDialog.h"

#include "LocalCache.h"
#include "UserActions.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rd {

BulkResultDialog::BulkResultDialog(LocalCache &cache, UserActions &actions, const BulkPlan &plan,
                                   const QList<qint64> &seqs, QWidget *parent)
    : QDialog(parent)
    , m_cache(cache)
    , m_actions(actions)
    , m_action(plan.action)
{
    setObjectName(QStringLiteral("bulkResultDialog"));
    setWindowTitle(tr("For the selected: what became of each"));
    for (int i = 0; i < plan.items.size() && i < seqs.size(); ++i)
        m_rows.append({plan.items[i].complaintId, seqs[i], {}, Fate::Waiting});
    for (const BulkPlan::Skip &s : plan.skipped)
        m_rows.append({s.complaintId, 0, s.reason, Fate::LeftOut});
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("bulkSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("bulkList"));
    m_list->setAccessibleName(tr("The complaints and what became of each"));
    m_list->setAccessibleDescription(tr("One row a complaint: its number and its action's fate"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("No."), tr("What became of it")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    layout->addWidget(m_list, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_takeBack =
        buttons->addButton(tr("&Take back those still waiting"), QDialogButtonBox::ActionRole);
    m_takeBack->setObjectName(QStringLiteral("bulkTakeBack"));
    connect(m_takeBack, &QPushButton::clicked, this, &BulkResultDialog::takeBackWaiting);
    connect(buttons, &QDialogButtonBox::rejected, this, &BulkResultDialog::reject);
    layout->addWidget(buttons);
    resize(560, 420);
    refresh();
}

QString BulkResultDialog::fateText(const Row &row)
{
    switch (row.fate) {
    case Fate::Waiting:
        return tr("waiting in the outbox");
    case Fate::Sending:
        return tr("being sent");
    case Fate::Sent:
        return tr("sent");
    case Fate::Conflict:
        return tr("conflict: changed on the server meanwhile (see the Conflicts queue)");
    case Fate::Refused:
        return tr("refused: %1").arg(row.reason);
    case Fate::TakenBack:
        return tr("taken back");
    case Fate::LeftOut:
        return tr("left out: %1").arg(row.reason);
    }
    return {};
}

void BulkResultDialog::refresh()
{
    for (Row &row : m_rows) {
        if (row.seq == 0 || row.fate == Fate::Sent || row.fate == Fate::TakenBack)
            continue;
        std::optional<OutboxAction> a;
        try {
            a = m_cache.outbox().action(row.seq);
        } catch (const std::exception &) {
            continue; // the cache busy or failing: the last known fate stays
        }
        if (!a) {
            // Gone from the outbox: sent, unless taken back here (or by Undo).
            row.fate = m_takenBack.contains(row.seq) ? Fate::TakenBack : Fate::Sent;
            continue;
        }
        row.reason = a->lastError;
        row.fate = a->status == OutboxStatus::Conflict  ? Fate::Conflict
                   : a->status == OutboxStatus::Failed  ? Fate::Refused
                   : a->status == OutboxStatus::Sending ? Fate::Sending
                                                        : Fate::Waiting;
    }
    m_list->clear();
    for (const Row &row : std::as_const(m_rows))
        new QTreeWidgetItem(m_list, {QString::number(row.complaintId), fateText(row)});
    m_summary->setText(tr("Sent: %1 · waiting: %2 · conflicts: %3 · refused: %4 · taken back: "
                          "%5 · left out: %6")
                           .arg(count(Fate::Sent))
                           .arg(count(Fate::Waiting) + count(Fate::Sending))
                           .arg(count(Fate::Conflict))
                           .arg(count(Fate::Refused))
                           .arg(count(Fate::TakenBack))
                           .arg(count(Fate::LeftOut)));
    m_takeBack->setEnabled(count(Fate::Waiting) > 0);
}

int BulkResultDialog::count(Fate fate) const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [fate](const Row &r) { return r.fate == fate; }));
}

void BulkResultDialog::noteNotSent(const QList<qint64> &seqs)
{
    for (const qint64 seq : seqs)
        m_takenBack.insert(seq);
    refresh();
}

void BulkResultDialog::takeBackWaiting()
{
    QList<qint64> undone;
    QString problem;
    for (const Row &row : std::as_const(m_rows)) {
        if (row.fate != Fate::Waiting)
            continue;
        try {
            // No draft comes back: the text was the bulk dialog's, not the
            // complaint's own (and a draft would leave it out of the next
            // bulk action).
            if (m_actions.undo(row.seq, false)) {
                m_takenBack.insert(row.seq);
                undone.append(row.seq);
            }
        } catch (const std::exception &e) {
            problem = QString::fromUtf8(e.what());
            break;
        }
    }
    refresh();
    if (!problem.isEmpty())
        m_summary->setText(tr("Not everything could be taken back: %1").arg(problem));
    Q_EMIT takenBack(undone);
}

} // namespace rd
