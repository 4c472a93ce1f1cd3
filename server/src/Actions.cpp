// The complaint state machine (DESIGN.md §1, docs/api.md "Actions"): who may
// do what, from which state, with which fields.

#include "ApiJson.h"
#include "ApiService.h"

#include <QJsonArray>
#include <QSet>

namespace rd::server {

namespace {

struct ActionRule
{
    QSet<QString> fields; // besides "action" and "base_version"
    QList<ComplaintState> from;
    enum class Who
    {
        Moderator,
        Agency,
        Staff
    } who;
};

const QHash<QString, ActionRule> &rules()
{
    using S = ComplaintState;
    using W = ActionRule::Who;
    static const QHash<QString, ActionRule> table{
        {QStringLiteral("publish"),
         {{QStringLiteral("category_id"), QStringLiteral("agency_id")},
          {S::Moderation},
          W::Moderator}},
        {QStringLiteral("reject"),
         {{QStringLiteral("reason"), QStringLiteral("reason_code")}, {S::Moderation}, W::Moderator}},
        {QStringLiteral("mark_duplicate"),
         {{QStringLiteral("duplicate_of")}, {S::Moderation}, W::Moderator}},
        {QStringLiteral("reroute"),
         {{QStringLiteral("agency_id"), QStringLiteral("reason")},
          {S::Published, S::InProgress, S::Contested},
          W::Moderator}},
        {QStringLiteral("redact"),
         {{QStringLiteral("text"), QStringLiteral("reason")},
          {S::Moderation, S::Published, S::InProgress, S::Contested},
          W::Moderator}},
        {QStringLiteral("set_deadline"),
         {{QStringLiteral("deadline"), QStringLiteral("text")},
          {S::Published, S::Contested},
          W::Agency}},
        {QStringLiteral("extend_deadline"),
         {{QStringLiteral("deadline"), QStringLiteral("reason")}, {S::InProgress}, W::Agency}},
        {QStringLiteral("solve"),
         {{QStringLiteral("text"), QStringLiteral("photo_ids")},
          {S::Published, S::InProgress, S::Contested},
          W::Agency}},
        {QStringLiteral("refuse"),
         {{QStringLiteral("ground"), QStringLiteral("text")},
          {S::Published, S::Contested},
          W::Agency}},
        {QStringLiteral("note"),
         {{QStringLiteral("text")},
          {S::Moderation, S::Published, S::Rejected, S::Duplicate, S::InProgress, S::Solved,
           S::Refused, S::Confirmed, S::Contested},
          W::Staff}},
    };
    return table;
}

// Text of a field: present, a string, trimmed length within [min, max].
std::optional<QString> textField(const QJsonObject &body, const char *name, int min, int max,
                                 QJsonObject &errors, bool required = true)
{
    const QJsonValue v = body.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull()) {
        if (required)
            errors.insert(QLatin1String(name), QStringLiteral("is required"));
        return std::nullopt;
    }
    if (!v.isString()) {
        errors.insert(QLatin1String(name), QStringLiteral("must be text"));
        return std::nullopt;
    }
    const QString text = v.toString().trimmed();
    if (text.size() < min) {
        errors.insert(QLatin1String(name),
                      QStringLiteral("must be at least %1 characters").arg(min));
        return std::nullopt;
    }
    if (text.size() > max) {
        errors.insert(QLatin1String(name),
                      QStringLiteral("must be at most %1 characters").arg(max));
        return std::nullopt;
    }
    return text;
}

std::optional<qint64> idField(const QJsonObject &body, const char *name, QJsonObject &errors)
{
    const QJsonValue v = body.value(QLatin1String(name));
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 1 || d != std::floor(d) || d > 9007199254740991.0) {
        errors.insert(QLatin1String(name), QStringLiteral("must be a positive whole number"));
        return std::nullopt;
    }
    return qint64(d);
}

std::optional<QDate> dateField(const QJsonObject &body, const char *name, QJsonObject &errors)
{
    const QJsonValue v = body.value(QLatin1String(name));
    const QDate d = v.isString() && v.toString().size() == 10
                        ? QDate::fromString(v.toString(), Qt::ISODate)
                        : QDate();
    if (!d.isValid()) {
        errors.insert(QLatin1String(name), QStringLiteral("must be a date YYYY-MM-DD"));
        return std::nullopt;
    }
    return d;
}

} // namespace

ApiResponse ApiService::applyAction(const StoredComplaint &current, const QString &action,
                                    const QJsonObject &body, const User &user)
{
    const auto rule = rules().constFind(action);
    if (rule == rules().constEnd())
        return ApiResponse::error(422, QStringLiteral("invalid"),
                                  QStringLiteral("Unknown action \"%1\".").arg(action),
                                  {{QStringLiteral("action"), QStringLiteral("unknown action")}});
    QJsonObject errors;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != QLatin1String("action") && it.key() != QLatin1String("base_version") &&
            !rule->fields.contains(it.key()))
            errors.insert(it.key(), QStringLiteral("unknown field for %1").arg(action));
    }
    if (!errors.isEmpty())
        return ApiResponse::error(422, QStringLiteral("invalid"),
                                  QStringLiteral("The action has fields it does not take."),
                                  errors);

    // Who: the server decides, whatever the client showed.
    const Complaint &before = current.complaint;
    bool allowed = false;
    switch (rule->who) {
    case ActionRule::Who::Moderator:
        allowed = user.role == Role::Moderator;
        break;
    case ActionRule::Who::Agency:
        allowed = (user.role == Role::Clerk || user.role == Role::Supervisor) && user.agencyId &&
                  before.agencyId == user.agencyId;
        break;
    case ActionRule::Who::Staff:
        allowed = canRead(user, before);
        break;
    }
    if (!allowed)
        return ApiResponse::error(
            403, QStringLiteral("forbidden"),
            QStringLiteral("A %1 may not %2 this complaint.").arg(toCode(user.role), action));
    if (!rule->from.contains(before.state))
        return ApiResponse::error(422, QStringLiteral("invalid_transition"),
                                  QStringLiteral("\"%1\" is not possible for a complaint in state "
                                                 "\"%2\".")
                                      .arg(action, toCode(before.state)));

    const Catalogue &catalogue = m_store.catalogue();
    const DeadlineRules &limits = catalogue.rules;
    Complaint c = before;
    QList<Photo> photos = current.photos;
    const QDateTime at = now();
    QString oldValue;
    QString newValue;
    QString comment;

    if (action == QLatin1String("publish")) {
        const auto category = idField(body, "category_id", errors);
        const auto agency = idField(body, "agency_id", errors);
        if (category && std::none_of(catalogue.categories.begin(), catalogue.categories.end(),
                                     [&](const Category &x) { return x.id == *category; }))
            errors.insert(QStringLiteral("category_id"), QStringLiteral("not in the catalogue"));
        if (agency && std::none_of(catalogue.agencies.begin(), catalogue.agencies.end(),
                                   [&](const Agency &x) { return x.id == *agency; }))
            errors.insert(QStringLiteral("agency_id"), QStringLiteral("not in the catalogue"));
        if (errors.isEmpty()) {
            c.state = ComplaintState::Published;
            c.categoryId = int(*category);
            c.agencyId = int(*agency);
            c.publishedAt = at;
            c.dueDate = c.createdAt.toTimeZone(m_config.timeZone).date().addDays(limits.answerDays);
            newValue = QString::number(*agency);
        }
    } else if (action == QLatin1String("reject")) {
        // reason_code (optional): one of the catalogue's reject reasons.
        const QJsonValue code = body.value(QStringLiteral("reason_code"));
        if (!code.isUndefined() && !code.isNull() &&
            std::none_of(catalogue.rejectReasons.begin(), catalogue.rejectReasons.end(),
                         [&](const RejectReason &r) { return r.code == code.toString(); }))
            errors.insert(QStringLiteral("reason_code"), QStringLiteral("not in the catalogue"));
        const auto reason = textField(body, "reason", 3, 2000, errors);
        if (reason && errors.isEmpty()) {
            c.state = ComplaintState::Rejected;
            c.rejectReason = *reason;
            comment = *reason;
        }
    } else if (action == QLatin1String("mark_duplicate")) {
        if (const auto of = idField(body, "duplicate_of", errors)) {
            if (*of == c.id)
                errors.insert(QStringLiteral("duplicate_of"), QStringLiteral("cannot be itself"));
            else if (!m_store.complaint(*of))
                errors.insert(QStringLiteral("duplicate_of"), QStringLiteral("no such complaint"));
            else {
                c.state = ComplaintState::Duplicate;
                c.duplicateOf = *of;
                newValue = QString::number(*of);
            }
        }
    } else if (action == QLatin1String("reroute")) {
        const auto agency = idField(body, "agency_id", errors);
        const auto reason = textField(body, "reason", 0, 2000, errors, false);
        if (agency && std::none_of(catalogue.agencies.begin(), catalogue.agencies.end(),
                                   [&](const Agency &x) { return x.id == *agency; }))
            errors.insert(QStringLiteral("agency_id"), QStringLiteral("not in the catalogue"));
        else if (agency && c.agencyId == int(*agency))
            errors.insert(QStringLiteral("agency_id"), QStringLiteral("is already responsible"));
        if (errors.isEmpty()) {
            oldValue = c.agencyId ? QString::number(*c.agencyId) : QString();
            c.agencyId = int(*agency);
            newValue = QString::number(*agency);
            comment = reason.value_or(QString());
        }
    } else if (action == QLatin1String("redact")) {
        const auto text = textField(body, "text", 1, 10000, errors);
        const auto reason = textField(body, "reason", 0, 2000, errors, false);
        if (text) {
            oldValue = c.text; // the original stays in the history, for staff
            c.text = *text;
            newValue = *text;
            comment = reason.value_or(QString());
        }
    } else if (action == QLatin1String("set_deadline")) {
        const auto deadline = dateField(body, "deadline", errors);
        const auto plan = textField(body, "text", 10, 10000, errors);
        if (deadline && *deadline < today())
            errors.insert(QStringLiteral("deadline"), QStringLiteral("is in the past"));
        else if (deadline && *deadline > today().addDays(limits.maxResolutionDays))
            errors.insert(
                QStringLiteral("deadline"),
                QStringLiteral("is more than %1 days away").arg(limits.maxResolutionDays));
        if (errors.isEmpty()) {
            c.state = ComplaintState::InProgress;
            c.answerKind = AnswerKind::Deadline;
            c.answerDeadline = *deadline;
            c.answerText = *plan;
            c.answeredAt = at;
            if (!c.firstAnsweredAt.isValid())
                c.firstAnsweredAt = at;
            c.deadlineExtended = false;
            c.extensionReason.clear();
            newValue = deadline->toString(Qt::ISODate);
            comment = *plan;
        }
    } else if (action == QLatin1String("extend_deadline")) {
        const auto deadline = dateField(body, "deadline", errors);
        const auto reason = textField(body, "reason", 10, 2000, errors);
        if (c.deadlineExtended && limits.maxExtensions <= 1)
            errors.insert(QStringLiteral("deadline"), QStringLiteral("was already extended once"));
        else if (deadline && *deadline <= c.answerDeadline)
            errors.insert(QStringLiteral("deadline"),
                          QStringLiteral("must be later than %1")
                              .arg(c.answerDeadline.toString(Qt::ISODate)));
        else if (deadline && *deadline > c.answerDeadline.addDays(limits.maxExtensionDays))
            errors.insert(
                QStringLiteral("deadline"),
                QStringLiteral("may move by at most %1 days").arg(limits.maxExtensionDays));
        if (errors.isEmpty()) {
            oldValue = c.answerDeadline.toString(Qt::ISODate);
            c.answerDeadline = *deadline;
            c.deadlineExtended = true;
            c.extensionReason = *reason;
            newValue = deadline->toString(Qt::ISODate);
            comment = *reason;
        }
    } else if (action == QLatin1String("solve")) {
        const auto text = textField(body, "text", 10, 10000, errors);
        const QJsonValue ids = body.value(QStringLiteral("photo_ids"));
        QStringList photoIds;
        if (!ids.isUndefined() && !ids.isNull()) {
            if (!ids.isArray() || ids.toArray().size() > 10) {
                errors.insert(QStringLiteral("photo_ids"),
                              QStringLiteral("must be a list of at most 10 ids"));
            } else {
                for (const QJsonValue &id : ids.toArray()) {
                    const auto photo = id.isString() ? m_store.photo(id.toString()) : std::nullopt;
                    if (!photo || photo->complaintId != c.id || !photo->evidence) {
                        errors.insert(
                            QStringLiteral("photo_ids"),
                            QStringLiteral("%1 is not evidence uploaded for this complaint")
                                .arg(id.toString()));
                        break;
                    }
                    photoIds.append(id.toString());
                    if (!std::any_of(photos.begin(), photos.end(),
                                     [&](const Photo &p) { return p.id == photo->id; }))
                        photos.append(*photo);
                }
            }
        }
        if (errors.isEmpty()) {
            c.state = ComplaintState::Solved;
            c.answerKind = AnswerKind::Solved;
            c.answerText = *text;
            c.answeredAt = at;
            if (!c.firstAnsweredAt.isValid())
                c.firstAnsweredAt = at;
            comment = *text;
            newValue = photoIds.join(QLatin1Char(','));
        }
    } else if (action == QLatin1String("refuse")) {
        const QString ground = body.value(QStringLiteral("ground")).toString();
        const auto text = textField(body, "text", limits.minRefusalLength, 10000, errors);
        if (std::none_of(catalogue.refusalGrounds.begin(), catalogue.refusalGrounds.end(),
                         [&](const RefusalGround &g) { return g.code == ground; }))
            errors.insert(QStringLiteral("ground"), QStringLiteral("not in the catalogue"));
        if (errors.isEmpty()) {
            c.state = ComplaintState::Refused;
            c.answerKind = AnswerKind::Refusal;
            c.refusalGround = ground;
            c.answerText = *text;
            c.answeredAt = at;
            if (!c.firstAnsweredAt.isValid())
                c.firstAnsweredAt = at;
            newValue = ground;
            comment = *text;
        }
    } else if (action == QLatin1String("note")) {
        if (const auto text = textField(body, "text", 1, 10000, errors))
            comment = *text;
    }
    if (!errors.isEmpty())
        return ApiResponse::error(422, QStringLiteral("invalid"),
                                  QStringLiteral("Some fields need correcting."), errors);

    c.updatedAt = at;
    const StoredComplaint stored = m_store.write(c, photos);
    m_store.appendHistory(c.id, at, user.displayName, action, oldValue, newValue, comment);
    return ApiResponse::json(200, complaintJson(stored, user));
}

} // namespace rd::server
