#include "BulkActions.h"

#include "LocalCache.h"

#include <QSet>

namespace rd {

namespace {

QString verdictText(ActionVerdict verdict)
{
    switch (verdict) {
    case ActionVerdict::Forbidden:
        return BulkActions::tr("you may not do this to it");
    case ActionVerdict::WrongState:
        return BulkActions::tr("not in a state this can be done from");
    case ActionVerdict::LimitReached:
        return BulkActions::tr("its deadline was extended as often as the rules allow");
    case ActionVerdict::UnknownAction:
        return BulkActions::tr("unknown action");
    case ActionVerdict::Allowed:
        break;
    }
    return {};
}

} // namespace

BulkPlan BulkActions::plan(LocalCache &cache, const QList<qint64> &ids, const QString &action,
                           const Actor &actor, const DeadlineRules &rules,
                           const FieldsFor &fieldsFor)
{
    BulkPlan plan;
    plan.action = action;
    const ActionRule *rule = ActionRules::find(action);
    QSet<qint64> seen;
    for (const qint64 id : ids) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const auto skip = [&](const QString &reason) { plan.skipped.append({id, reason}); };
        if (int(seen.size()) > MaxComplaints) {
            skip(tr("more than %1 complaints at once").arg(MaxComplaints));
            continue;
        }
        const std::optional<Complaint> c = cache.complaints().complaint(id);
        if (!c) {
            skip(tr("not in this computer's copy"));
            continue;
        }
        if (!rule) {
            skip(verdictText(ActionVerdict::UnknownAction));
            continue;
        }
        if (const ActionVerdict v = ActionRules::verdict(action, actor, *c, rules);
            v != ActionVerdict::Allowed) {
            skip(verdictText(v));
            continue;
        }
        if (!cache.outbox().forComplaint(id).isEmpty()) {
            skip(tr("an action of yours already waits for it in the outbox"));
            continue;
        }
        if (cache.drafts().draft(id)) {
            skip(tr("you have a draft for it: answer it on its own"));
            continue;
        }
        const Parsed<QJsonObject> fields = fieldsFor(*c);
        if (!fields) {
            skip(fields.error.toString());
            continue;
        }
        if (const QJsonObject errors = ActionRules::fieldErrors(*rule, *fields.value, rules);
            !errors.isEmpty()) {
            skip(QStringLiteral("%1: %2").arg(errors.begin().key(),
                                              errors.begin().value().toString()));
            continue;
        }
        plan.items.append({id, c->version, *fields.value});
    }
    return plan;
}

} // namespace rd
