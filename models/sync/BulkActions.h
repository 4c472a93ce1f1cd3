#pragma once

#include "ActionRules.h"
#include "Complaint.h"
#include "Parsed.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace rd {

class LocalCache;

// Bulk work (docs/sync.md, "Bulk actions"): one action for many
// complaints. Each complaint gets its own outbox row and idempotency key
// (UserActions::submitMany writes them in one transaction), so each is
// sent, refused or in conflict on its own, and each can be taken back
// while it waits. What cannot be done to a complaint here is left out with
// the reason, before anything is queued.
struct BulkPlan
{
    struct Item
    {
        qint64 complaintId = 0;
        qint64 baseVersion = 0;
        QJsonObject fields;
    };
    struct Skip
    {
        qint64 complaintId = 0;
        QString reason;
    };
    QString action;
    QList<Item> items;
    QList<Skip> skipped;
};

class BulkActions final
{
    Q_DECLARE_TR_FUNCTIONS(BulkActions)
public:
    // How many complaints one bulk action takes at most ("select all
    // matching" stops there, and says so).
    static constexpr int MaxComplaints = 1000;

    // The fields for one complaint (a template filled in for it, say), or
    // why there are none.
    using FieldsFor = std::function<Parsed<QJsonObject>(const Complaint &)>;

    // For each complaint of ids, in order: left out if the cache does not
    // have it, if the rules do not let the actor take the action on it now,
    // if an action of the user's already waits for it in the outbox, or if
    // the user has a draft for it (an answer is given one by one there);
    // else its fields, checked as the server will check their shape.
    static BulkPlan plan(LocalCache &cache, const QList<qint64> &ids, const QString &action,
                         const Actor &actor, const DeadlineRules &rules,
                         const FieldsFor &fieldsFor);
};

} // namespace rd
