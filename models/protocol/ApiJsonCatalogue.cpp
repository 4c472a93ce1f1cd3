#include "ApiJson.h"

#include "AnswerTemplates.h"
#include "JsonReader.h"

#include <QTimeZone>

#include <algorithm>
#include <climits>

// The catalogue and its production calendar (docs/api.md, "Catalogue").
namespace rd::ApiJson {

using detail::orNull;
using detail::Reader;

QJsonObject catalogueToJson(const Catalogue &catalogue)
{
    QJsonArray categories;
    for (const Category &c : catalogue.categories) {
        categories.append(
            QJsonObject{{QStringLiteral("id"), c.id},
                        {QStringLiteral("code"), c.code},
                        {QStringLiteral("name"), c.name},
                        {QStringLiteral("default_agency_id"),
                         c.defaultAgencyId ? QJsonValue(*c.defaultAgencyId) : QJsonValue()}});
    }
    QJsonArray agencies;
    for (const Agency &a : catalogue.agencies) {
        agencies.append(QJsonObject{{QStringLiteral("id"), a.id},
                                    {QStringLiteral("code"), a.code},
                                    {QStringLiteral("name"), a.name}});
    }
    QJsonArray districts;
    for (const District &d : catalogue.districts)
        districts.append(
            QJsonObject{{QStringLiteral("id"), d.id}, {QStringLiteral("name"), d.name}});
    QJsonArray grounds;
    for (const RefusalGround &g : catalogue.refusalGrounds) {
        grounds.append(QJsonObject{{QStringLiteral("code"), g.code},
                                   {QStringLiteral("title"), g.title},
                                   {QStringLiteral("template"), g.templateText},
                                   {QStringLiteral("legal_basis"),
                                    orNull(g.legalBasis.isEmpty() ? QString() : g.legalBasis)}});
    }
    QJsonArray rejectReasons;
    for (const RejectReason &reason : catalogue.rejectReasons)
        rejectReasons.append(QJsonObject{{QStringLiteral("code"), reason.code},
                                         {QStringLiteral("title"), reason.title}});
    QJsonArray templates;
    for (const AnswerTemplate &t : catalogue.answerTemplates)
        templates.append(QJsonObject{{QStringLiteral("code"), t.code},
                                     {QStringLiteral("action"), t.action},
                                     {QStringLiteral("category_id"),
                                      t.categoryId ? QJsonValue(*t.categoryId) : QJsonValue()},
                                     {QStringLiteral("title"), t.title},
                                     {QStringLiteral("text"), t.text}});
    QJsonArray states;
    for (const ComplaintState s :
         {ComplaintState::Moderation, ComplaintState::Published, ComplaintState::Rejected,
          ComplaintState::Duplicate, ComplaintState::InProgress, ComplaintState::Solved,
          ComplaintState::Refused, ComplaintState::Confirmed, ComplaintState::Contested})
        states.append(
            QJsonObject{{QStringLiteral("code"), toCode(s)}, {QStringLiteral("open"), isOpen(s)}});
    return QJsonObject{
        {QStringLiteral("categories"), categories},
        {QStringLiteral("agencies"), agencies},
        {QStringLiteral("districts"), districts},
        {QStringLiteral("states"), states},
        {QStringLiteral("refusal_grounds"), grounds},
        {QStringLiteral("reject_reasons"), rejectReasons},
        {QStringLiteral("answer_templates"), templates},
        {QStringLiteral("time_zone"), catalogue.timeZone},
        {QStringLiteral("deadline_rules"),
         QJsonObject{{QStringLiteral("answer_days"), catalogue.rules.answerDays},
                     {QStringLiteral("max_extension_days"), catalogue.rules.maxExtensionDays},
                     {QStringLiteral("max_extensions"), catalogue.rules.maxExtensions},
                     {QStringLiteral("min_refusal_length"), catalogue.rules.minRefusalLength},
                     {QStringLiteral("max_resolution_days"), catalogue.rules.maxResolutionDays},
                     {QStringLiteral("day_count"), catalogue.rules.dayCount == DayCount::Working
                                                       ? QStringLiteral("working")
                                                       : QStringLiteral("calendar")},
                     {QStringLiteral("end_on_working_day"), catalogue.rules.endOnWorkingDay}}},
        {QStringLiteral("calendar"), calendarToJson(catalogue.calendar)},
    };
}

QJsonObject calendarToJson(const WorkCalendar &calendar)
{
    const auto days = [](const QList<QDate> &list) {
        QJsonArray out;
        for (const QDate &d : list)
            out.append(d.toString(Qt::ISODate));
        return out;
    };
    return QJsonObject{{QStringLiteral("holidays"), days(calendar.holidays)},
                       {QStringLiteral("working_days"), days(calendar.workingDays)}};
}

Parsed<WorkCalendar> calendarFromJson(const QJsonObject &object, const QString &prefix)
{
    Reader r(object, prefix);
    WorkCalendar out;
    const auto days = [&](const char *name, QList<QDate> &into) {
        const QJsonArray list = r.array(name, false);
        if (list.size() > ProtocolLimits::MaxCalendarDays) {
            r.fail(QLatin1String(name),
                   Reader::tr("lists more than %1 days").arg(ProtocolLimits::MaxCalendarDays));
            return;
        }
        for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
            const QString field = QStringLiteral("%1[%2]").arg(QLatin1String(name)).arg(i);
            const QDate d = list[i].isString() && list[i].toString().size() == 10
                                ? QDate::fromString(list[i].toString(), Qt::ISODate)
                                : QDate();
            if (!d.isValid())
                r.fail(field, Reader::tr("must be a date YYYY-MM-DD"));
            else if (into.contains(d))
                r.fail(field, Reader::tr("is listed twice"));
            else
                into.append(d);
        }
        std::sort(into.begin(), into.end());
    };
    days("holidays", out.holidays);
    days("working_days", out.workingDays);
    for (qsizetype i = 0; i < out.workingDays.size() && r.ok(); ++i) {
        const QDate &d = out.workingDays[i];
        const QString field = QStringLiteral("working_days (%1)").arg(d.toString(Qt::ISODate));
        if (!isWeekend(d))
            r.fail(field, Reader::tr("is not a Saturday or a Sunday: weekdays are worked anyway"));
        else if (out.holidays.contains(d))
            r.fail(field, Reader::tr("is also listed as a holiday"));
    }
    if (!r.ok())
        return {std::nullopt, r.error()};
    return {out, {}};
}

Parsed<Catalogue> catalogueFromJson(const QJsonObject &object)
{
    Reader r(object);
    Catalogue out;
    const auto each = [&](const char *name, auto &&readOne) {
        const QJsonArray list = r.array(name);
        for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
            const QString prefix = QStringLiteral("%1[%2].").arg(QLatin1String(name)).arg(i);
            if (!list[i].isObject()) {
                r.fail(prefix.chopped(1), Reader::tr("must be an object"));
                return;
            }
            Reader item(list[i].toObject(), prefix);
            readOne(item);
            if (!item.ok())
                r.adopt(item.error());
        }
    };
    each("categories", [&](Reader &item) {
        Category c;
        c.id = int(item.integer("id", 1, INT_MAX));
        c.code = item.text("code", true, ProtocolLimits::Code);
        c.name = item.text("name", true, ProtocolLimits::Name);
        if (const auto a = item.optionalInteger("default_agency_id", 1, INT_MAX))
            c.defaultAgencyId = int(*a);
        out.categories.append(c);
    });
    each("agencies", [&](Reader &item) {
        out.agencies.append({int(item.integer("id", 1, INT_MAX)),
                             item.text("code", true, ProtocolLimits::Code),
                             item.text("name", true, ProtocolLimits::Name)});
    });
    each("districts", [&](Reader &item) {
        out.districts.append(
            {int(item.integer("id", 1, INT_MAX)), item.text("name", true, ProtocolLimits::Name)});
    });
    each("refusal_grounds", [&](Reader &item) {
        RefusalGround g;
        g.code = item.text("code", true, ProtocolLimits::Code);
        g.title = item.text("title", true, ProtocolLimits::Name);
        g.templateText = item.text("template", true, ProtocolLimits::TemplateText);
        g.legalBasis = item.text("legal_basis", false, ProtocolLimits::LegalBasis);
        out.refusalGrounds.append(g);
    });
    if (object.contains(QStringLiteral("reject_reasons"))) { // absent before API 1.1
        each("reject_reasons", [&](Reader &item) {
            RejectReason reason;
            reason.code = item.text("code", true, ProtocolLimits::Code);
            reason.title = item.text("title", true, ProtocolLimits::Name);
            out.rejectReasons.append(reason);
        });
    }
    if (object.contains(QStringLiteral("answer_templates"))) { // absent from older servers
        each("answer_templates", [&](Reader &item) {
            AnswerTemplate t;
            t.code = item.text("code", true, ProtocolLimits::Code);
            t.action = item.text("action", true, ProtocolLimits::Code);
            if (item.ok() && !AnswerTemplates::actions().contains(t.action))
                item.fail(QStringLiteral("action"),
                          Reader::tr("must be one of %1")
                              .arg(AnswerTemplates::actions().join(QStringLiteral(", "))));
            if (const auto c = item.optionalInteger("category_id", 1, INT_MAX))
                t.categoryId = int(*c);
            if (item.ok() && t.categoryId && !out.category(*t.categoryId))
                item.fail(QStringLiteral("category_id"),
                          Reader::tr("is not a category of the catalogue"));
            t.title = item.text("title", true, ProtocolLimits::Name);
            if (item.ok() && t.title.trimmed().isEmpty())
                item.fail(QStringLiteral("title"), Reader::tr("must not be empty"));
            t.text = item.text("text", true, ProtocolLimits::TemplateText);
            if (item.ok() && t.text.trimmed().isEmpty())
                item.fail(QStringLiteral("text"), Reader::tr("must not be empty"));
            if (const QStringList bad = AnswerTemplates::unknown(t.text);
                item.ok() && !bad.isEmpty())
                item.fail(QStringLiteral("text"),
                          Reader::tr("has %1, which is not a placeholder (%2)")
                              .arg(bad.first(), QStringLiteral("{number}, {address}, {date}, "
                                                               "{agency}, {executor}")));
            if (item.ok() && std::any_of(out.answerTemplates.begin(), out.answerTemplates.end(),
                                         [&](const AnswerTemplate &o) { return o.code == t.code; }))
                item.fail(QStringLiteral("code"), Reader::tr("is taken by another template"));
            out.answerTemplates.append(t);
        });
    }
    Reader rules(r.object("deadline_rules"), QStringLiteral("deadline_rules."));
    out.rules.answerDays = int(rules.integer("answer_days", 1, ProtocolLimits::MaxAnswerDays));
    out.rules.maxExtensionDays =
        int(rules.integer("max_extension_days", 0, ProtocolLimits::MaxExtensionDays));
    out.rules.maxExtensions =
        int(rules.integer("max_extensions", 0, ProtocolLimits::MaxExtensions));
    out.rules.minRefusalLength =
        int(rules.integer("min_refusal_length", 0, ProtocolLimits::MaxRefusalLength));
    out.rules.maxResolutionDays =
        int(rules.integer("max_resolution_days", 1, ProtocolLimits::MaxResolutionDays));
    // Both (and the calendar) absent from older servers: calendar days, as 59-ФЗ counts.
    const QString dayCount = rules.text("day_count", false, ProtocolLimits::Code);
    if (dayCount == QLatin1String("working"))
        out.rules.dayCount = DayCount::Working;
    else if (rules.has("day_count") && dayCount != QLatin1String("calendar"))
        rules.fail(QStringLiteral("day_count"), Reader::tr("must be \"calendar\" or \"working\""));
    out.rules.endOnWorkingDay = rules.boolean("end_on_working_day", false);
    if (const QJsonObject calendar = r.object("calendar", false); !calendar.isEmpty()) {
        Parsed<WorkCalendar> parsed = calendarFromJson(calendar, QStringLiteral("calendar."));
        if (parsed.value)
            out.calendar = std::move(*parsed.value);
        else
            r.adopt(parsed.error);
    }
    out.timeZone = r.text("time_zone", false, ProtocolLimits::TimeZoneName);
    if (!out.timeZone.isEmpty() && !QTimeZone(out.timeZone.toUtf8()).isValid())
        r.fail(QStringLiteral("time_zone"), Reader::tr("is not a known time zone"));
    if (!rules.ok())
        r.adopt(rules.error());
    if (!r.ok())
        return {std::nullopt, r.error()};
    return {out, {}};
}

} // namespace rd::ApiJson
