#pragma once

#include "BulkActions.h"

#include <QDialog>
#include <QHash>
#include <QSet>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace rd {

class LocalCache;
class UserActions;

// What became of a bulk action, complaint by complaint, as the sync sends
// it: waiting (held for Undo, or offline), sent, in conflict, refused with
// the server's reason, or left out before anything was queued, with why.
// "Take back those still waiting" undoes each one not yet on its way.
// Not modal: refresh() follows the outbox (after each sync).
class BulkResultDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkResultDialog)
public:
    enum class Fate
    {
        Waiting,
        Sending,
        Sent,
        Conflict,
        Refused,
        TakenBack,
        LeftOut,
    };

    BulkResultDialog(LocalCache &cache, UserActions &actions, const BulkPlan &plan,
                     const QList<qint64> &seqs, QWidget *parent = nullptr);

    void refresh();
    // Taken back or settled elsewhere (Ctrl+Z, a conflict discarded or made
    // a draft): not sent, though gone from the outbox.
    void noteNotSent(const QList<qint64> &seqs);
    // How many complaints have met the fate (for tests and the summary).
    int count(Fate fate) const;
    void takeBackWaiting();

Q_SIGNALS:
    void takenBack(const QList<qint64> &seqs); // the window's queues and undo list change

private:
    struct Row
    {
        qint64 complaintId = 0;
        qint64 seq = 0; // 0: left out
        QString reason; // why left out; the server's words when refused
        Fate fate = Fate::Waiting;
    };
    static QString fateText(const Row &row);

    LocalCache &m_cache;
    UserActions &m_actions;
    QString m_action;
    QList<Row> m_rows;
    QSet<qint64> m_takenBack;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_takeBack = nullptr;
};

} // namespace rd
