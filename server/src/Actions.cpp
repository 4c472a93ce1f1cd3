// Actions on a complaint (docs/api.md "Actions"). Which action is allowed
// from which state, for whom, with which fields, is the domain's table
// (models/domain/ActionRules); this file checks what only the server knows
// (the catalogue, other complaints, uploaded photos, today's date) and
// applies the change.

#include "ActionRules.h"
#include "ApiJson.h"
#include "ComplaintService.h"
#include "Deadlines.h"

#include <QJsonArray>

#include <algorithm>

namespace rd::server {

namespace {

// One action being applied: the complaint as it will be, and what the
// history records. Field errors gather in errors.
struct ActionWork
{
    Complaint c;
    QList<Photo> photos;
    QString oldValue;
    QString newValue;
    QString comment;
    QJsonObject errors;
};

// What the appliers consult.
struct ActionContext
{
    const Catalogue &catalogue;
    ServerStore &store;
    QDate today;
    QDateTime now;
    QTimeZone timeZone;
};

QString text(const QJsonObject &body, const char *name)
{
    return body.value(QLatin1String(name)).toString().trimmed();
}

qint64 id(const QJsonObject &body, const char *name)
{
    return qint64(body.value(QLatin1String(name)).toDouble());
}

bool hasAgency(const Catalogue &catalogue, qint64 agency)
{
    return std::any_of(catalogue.agencies.begin(), catalogue.agencies.end(),
                       [&](const Agency &x) { return x.id == agency; });
}

void markAnswered(Complaint &c, AnswerKind kind, const QString &answer, const QDateTime &at)
{
    c.answerKind = kind;
    c.answerText = answer;
    c.answeredAt = at;
    if (!c.firstAnsweredAt.isValid())
        c.firstAnsweredAt = at;
}

void publish(ActionWork &w, const QJsonObject &body, const ActionContext &x)
{
    const qint64 category = id(body, "category_id");
    const qint64 agency = id(body, "agency_id");
    if (std::none_of(x.catalogue.categories.begin(), x.catalogue.categories.end(),
                     [&](const Category &c) { return c.id == category; }))
        w.errors.insert(QStringLiteral("category_id"), QStringLiteral("not in the catalogue"));
    if (!hasAgency(x.catalogue, agency))
        w.errors.insert(QStringLiteral("agency_id"), QStringLiteral("not in the catalogue"));
    if (!w.errors.isEmpty())
        return;
    w.c.categoryId = int(category);
    w.c.agencyId = int(agency);
    w.c.publishedAt = x.now;
    w.c.dueDate = Deadlines::answerDue(w.c.createdAt.toTimeZone(x.timeZone).date(), x.catalogue);
    w.newValue = QString::number(agency);
}

void reject(ActionWork &w, const QJsonObject &body, const ActionContext &x)
{
    const QJsonValue code = body.value(QStringLiteral("reason_code"));
    if (code.isString() &&
        std::none_of(x.catalogue.rejectReasons.begin(), x.catalogue.rejectReasons.end(),
                     [&](const RejectReason &r) { return r.code == code.toString(); }))
        w.errors.insert(QStringLiteral("reason_code"), QStringLiteral("not in the catalogue"));
    w.c.rejectReason = text(body, "reason");
    w.comment = w.c.rejectReason;
}

void markDuplicate(ActionWork &w, const QJsonObject &body, const ActionContext &x)
{
    const qint64 of = id(body, "duplicate_of");
    if (of == w.c.id)
        w.errors.insert(QStringLiteral("duplicate_of"), QStringLiteral("cannot be itself"));
    else if (!x.store.complaint(of))
        w.errors.insert(QStringLiteral("duplicate_of"), QStringLiteral("no such complaint"));
    w.c.duplicateOf = of;
    w.newValue = QString::number(of);
}

void reroute(ActionWork &w, const QJsonObject &body, const ActionContext &x)
{
    const qint64 agency = id(body, "agency_id");
    if (!hasAgency(x.catalogue, agency))
        w.errors.insert(QStringLiteral("agency_id"), QStringLiteral("not in the catalogue"));
    else if (w.c.agencyId == int(agency))
        w.errors.insert(QStringLiteral("agency_id"), QStringLiteral("is already responsible"));
    w.oldValue = w.c.agencyId ? QString::number(*w.c.agencyId) : QString();
    w.c.agencyId = int(agency);
    w.newValue = QString::number(agency);
    w.comment = text(body, "reason");
}

void redact(ActionWork &w, const QJsonObject &body, const ActionContext &)
{
    w.oldValue = w.c.text; // the original stays in the history, for staff
    w.c.text = text(body, "text");
    w.newValue = w.c.text;
    w.comment = text(body, "reason");
}

// Reverses publish, reject or mark_duplicate (the table allows only those
// states; an answered complaint is never in them). What the decision set
// goes: the agency (its desks get a tombstone, as for a re-routing away),
// the publication time, the rejection's reason, the original's number. What
// the citizen and the moderation gave stays: the category (re-moderation
// starts from it), the text as edited, the votes, the due date (counted from
// registration, 59-FZ art. 12). The history keeps the earlier state as old.
void returnToModeration(ActionWork &w, const QJsonObject &body, const ActionContext &)
{
    w.oldValue = toCode(w.c.state);
    w.newValue = toCode(ComplaintState::Moderation);
    w.comment = text(body, "reason");
    w.c.agencyId.reset();
    w.c.publishedAt = {};
    w.c.rejectReason.clear();
    w.c.duplicateOf.reset();
}

QDate deadline(const QJsonObject &body)
{
    return QDate::fromString(body.value(QStringLiteral("deadline")).toString(), Qt::ISODate);
}

void setDeadline(ActionWork &w, const QJsonObject &body, const ActionContext &x)
{
    const QDate date = deadline(body);
    const int maxDays = x.catalogue.rules.maxResolutionDays;
    if (date < x.today)
        w.errors.insert(QStringLiteral("deadline"), QStringLiteral("is in the past"));
    else if (date > x.today.addDays(maxDays))
        w.errors.insert(QStringLiteral("deadline"),
                        QStringLiteral("is more than %1 days away").arg(maxDays));
    markAnswered(w.c, AnswerKind::Deadline, text(body, "text"), x.now);
    w.c.answerDeadline = date;
    w.c.deadlineExtended = false;
    w.c.extensionReason.clear();
    w.newValue = date.toString(Qt::ISODate);
    w.comment = w.c.answerText;
}

void extendDeadline(ActionWork &w, const QJsonObject &body, const ActionContext &x)
{
    const QDate date = deadline(body);
    const QDate latest = Deadlines::latestExtension(w.c.answerDeadline, x.catalogue);
    if (date <= w.c.answerDeadline)
        w.errors.insert(
            QStringLiteral("deadline"),
            QStringLiteral("must be later than %1").arg(w.c.answerDeadline.toString(Qt::ISODate)));
    else if (date > latest)
        w.errors.insert(QStringLiteral("deadline"),
                        QStringLiteral("may move by at most %1 %2 days, to %3")
                            .arg(x.catalogue.rules.maxExtensionDays)
                            .arg(x.catalogue.rules.dayCount == DayCount::Working
                                     ? QStringLiteral("working")
                                     : QStringLiteral("calendar"))
                            .arg(latest.toString(Qt::ISODate)));
    w.oldValue = w.c.answerDeadline.toString(Qt::ISODate);
    w.c.answerDeadline = date;
    w.c.deadlineExtended = true;
    w.c.extensionReason = text(body, "reason");
    w.newValue = date.toString(Qt::ISODate);
    w.comment = w.c.extensionReason;
}

void solve(ActionWork &w, const QJsonObject &body, const ActionContext &x)
{
    QStringList photoIds;
    for (const QJsonValue &value : body.value(QStringLiteral("photo_ids")).toArray()) {
        const auto photo = x.store.photo(value.toString());
        if (!photo || photo->complaintId != w.c.id || !photo->evidence) {
            w.errors.insert(QStringLiteral("photo_ids"),
                            QStringLiteral("%1 is not evidence uploaded for this complaint")
                                .arg(value.toString()));
            return;
        }
        photoIds.append(photo->id);
        if (std::none_of(w.photos.begin(), w.photos.end(),
                         [&](const Photo &p) { return p.id == photo->id; }))
            w.photos.append(*photo);
    }
    markAnswered(w.c, AnswerKind::Solved, text(body, "text"), x.now);
    w.comment = w.c.answerText;
    w.newValue = photoIds.join(QLatin1Char(','));
    x.store.attachUploads(photoIds); // no longer count as unattached (Quotas)
}

void refuse(ActionWork &w, const QJsonObject &body, const ActionContext &x)
{
    const QString ground = body.value(QStringLiteral("ground")).toString();
    if (std::none_of(x.catalogue.refusalGrounds.begin(), x.catalogue.refusalGrounds.end(),
                     [&](const RefusalGround &g) { return g.code == ground; }))
        w.errors.insert(QStringLiteral("ground"), QStringLiteral("not in the catalogue"));
    markAnswered(w.c, AnswerKind::Refusal, text(body, "text"), x.now);
    w.c.refusalGround = ground;
    w.newValue = ground;
    w.comment = w.c.answerText;
}

void note(ActionWork &w, const QJsonObject &body, const ActionContext &)
{
    w.comment = text(body, "text");
}

using Applier = void (*)(ActionWork &, const QJsonObject &, const ActionContext &);

Applier applierFor(const QString &action)
{
    static const QHash<QString, Applier> appliers{
        {QStringLiteral("publish"), publish},
        {QStringLiteral("reject"), reject},
        {QStringLiteral("mark_duplicate"), markDuplicate},
        {QStringLiteral("reroute"), reroute},
        {QStringLiteral("redact"), redact},
        {QStringLiteral("return_to_moderation"), returnToModeration},
        {QStringLiteral("set_deadline"), setDeadline},
        {QStringLiteral("extend_deadline"), extendDeadline},
        {QStringLiteral("solve"), solve},
        {QStringLiteral("refuse"), refuse},
        {QStringLiteral("note"), note},
    };
    return appliers.value(action);
}

ApiResponse invalid(const QString &message, const QJsonObject &errors)
{
    return ApiResponse::error(422, QStringLiteral("invalid"), message, errors);
}

} // namespace

ApiResponse ComplaintService::applyAction(const StoredComplaint &current, const QString &action,
                                          const QJsonObject &body, const User &user)
{
    const ActionRule *rule = ActionRules::find(action);
    const Applier apply = applierFor(action);
    if (!rule || !apply)
        return invalid(QStringLiteral("Unknown action \"%1\".").arg(action),
                       {{QStringLiteral("action"), QStringLiteral("unknown action")}});
    if (const QJsonObject unknown = ActionRules::unknownFields(*rule, body); !unknown.isEmpty())
        return invalid(QStringLiteral("The action has fields it does not take."), unknown);

    // Who and from which state: the table decides, whatever the client showed.
    const Complaint &before = current.complaint;
    const Catalogue &catalogue = m_store.catalogue();
    switch (ActionRules::verdict(action, user.actor(), before, catalogue.rules)) {
    case ActionVerdict::Allowed:
        break;
    case ActionVerdict::UnknownAction:
    case ActionVerdict::Forbidden:
        return ApiResponse::error(
            403, QStringLiteral("forbidden"),
            QStringLiteral("A %1 may not %2 this complaint.").arg(toCode(user.role), action));
    case ActionVerdict::WrongState:
        return ApiResponse::error(422, QStringLiteral("invalid_transition"),
                                  QStringLiteral("\"%1\" is not possible for a complaint in state "
                                                 "\"%2\".")
                                      .arg(action, toCode(before.state)));
    case ActionVerdict::LimitReached:
        return invalid(QStringLiteral("Some fields need correcting."),
                       {{QStringLiteral("deadline"), QStringLiteral("was already extended once")}});
    }

    const QDateTime at = m_clock.now();
    ActionWork work{before, current.photos, {}, {}, {}, {}};
    work.errors = ActionRules::fieldErrors(*rule, body, catalogue.rules);
    if (work.errors.isEmpty()) {
        const ActionContext context{catalogue, m_store, today(), at, m_config.timeZone};
        apply(work, body, context);
    }
    if (!work.errors.isEmpty())
        return invalid(QStringLiteral("Some fields need correcting."), work.errors);

    Complaint &c = work.c;
    if (rule->to)
        c.state = *rule->to;
    c.updatedAt = at;
    const StoredComplaint stored = m_store.write(c, work.photos);
    m_store.appendHistory(c.id, c.updatedAt, user.displayName, action, work.oldValue, work.newValue,
                          work.comment);
    return ApiResponse::json(200, complaintJson(stored, user));
}

} // namespace rd::server
