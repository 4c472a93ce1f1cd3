#include "SavedSearches.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <climits>
#include <cmath>

namespace rd {

bool QueueFilters::isEmpty() const
{
    return *this == QueueFilters{};
}

QueueQuery narrowed(QueueQuery query, const QueueFilters &f, const QDate &today)
{
    query.text = f.text;
    if (f.categoryId > 0)
        query.categories = {f.categoryId};
    if (f.agencyId > 0) {
        if (!query.agencies.isEmpty() && !query.agencies.contains(f.agencyId))
            query.agencies = {-1};
        else
            query.agencies = {f.agencyId};
    }
    if (f.state) {
        const bool inQueue = query.states.isEmpty() || query.states.contains(*f.state);
        query.states = {*f.state};
        if (!inQueue)
            query.agencies = {-1}; // nothing: the queue holds no such state
    }
    if (f.dueFromDays && f.dueToDays) {
        const QDate from = today.addDays(*f.dueFromDays);
        const QDate to = today.addDays(*f.dueToDays);
        query.dueFrom = query.dueFrom ? qMax(*query.dueFrom, from) : from;
        query.dueTo = query.dueTo ? qMin(*query.dueTo, to) : to;
    }
    if (f.minVotes > 0)
        query.minVotes = f.minVotes;
    if (f.area) {
        query.box = query.box ? query.box->intersected(*f.area) : *f.area;
        query.polygon = f.polygon;
    }
    return query;
}

namespace SavedSearches {

namespace {

QJsonObject filtersToJson(const QueueFilters &f)
{
    QJsonObject o;
    if (!f.text.isEmpty())
        o.insert(QStringLiteral("text"), f.text);
    if (f.categoryId > 0)
        o.insert(QStringLiteral("category_id"), f.categoryId);
    if (f.agencyId > 0)
        o.insert(QStringLiteral("agency_id"), f.agencyId);
    if (f.state)
        o.insert(QStringLiteral("state"), toCode(*f.state));
    if (f.dueFromDays && f.dueToDays) {
        o.insert(QStringLiteral("due_from_days"), *f.dueFromDays);
        o.insert(QStringLiteral("due_to_days"), *f.dueToDays);
    }
    if (f.minVotes > 0)
        o.insert(QStringLiteral("min_votes"), f.minVotes);
    if (f.area) {
        o.insert(QStringLiteral("area"),
                 QJsonArray{f.area->south, f.area->west, f.area->north, f.area->east});
        QJsonArray points;
        for (const QPointF &p : f.polygon)
            points.append(QJsonArray{p.x(), p.y()});
        if (!points.isEmpty())
            o.insert(QStringLiteral("polygon"), points);
    }
    return o;
}

std::optional<int> wholeNumber(const QJsonValue &v, int min, int max)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d != std::floor(d) || d < min || d > max)
        return std::nullopt;
    return int(d);
}

bool readFilters(const QJsonObject &o, QueueFilters &f)
{
    const QJsonValue text = o.value(QStringLiteral("text"));
    if (!text.isUndefined() && (!text.isString() || text.toString().size() > 500))
        return false;
    f.text = text.toString();
    for (const auto &[key, into] : {std::pair{QStringLiteral("category_id"), &f.categoryId},
                                    std::pair{QStringLiteral("agency_id"), &f.agencyId},
                                    std::pair{QStringLiteral("min_votes"), &f.minVotes}}) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            continue;
        const auto n = wholeNumber(v, 0, INT_MAX);
        if (!n)
            return false;
        *into = *n;
    }
    if (const QJsonValue s = o.value(QStringLiteral("state")); !s.isUndefined()) {
        f.state = complaintStateFromCode(s.toString());
        if (!f.state)
            return false;
    }
    const QJsonValue from = o.value(QStringLiteral("due_from_days"));
    const QJsonValue to = o.value(QStringLiteral("due_to_days"));
    if (!from.isUndefined() || !to.isUndefined()) {
        f.dueFromDays = wholeNumber(from, -MaxDays, MaxDays);
        f.dueToDays = wholeNumber(to, -MaxDays, MaxDays);
        if (!f.dueFromDays || !f.dueToDays)
            return false;
    }
    if (const QJsonValue a = o.value(QStringLiteral("area")); !a.isUndefined()) {
        const QJsonArray box = a.toArray();
        if (box.size() != 4)
            return false;
        const GeoBox g{box[0].toDouble(), box[1].toDouble(), box[2].toDouble(), box[3].toDouble()};
        if (!g.isValid())
            return false;
        f.area = g;
        const QJsonArray points = o.value(QStringLiteral("polygon")).toArray();
        if (points.size() > 10000)
            return false;
        for (const QJsonValue &p : points) {
            const QJsonArray pair = p.toArray();
            if (pair.size() != 2 || !pair[0].isDouble() || !pair[1].isDouble())
                return false;
            f.polygon.append({pair[0].toDouble(), pair[1].toDouble()});
        }
        if (!f.polygon.isEmpty() && f.polygon.size() < 3)
            return false;
    }
    return true;
}

} // namespace

QByteArray toJson(const QList<SavedSearch> &searches, const QJsonArray &unread)
{
    QJsonArray list;
    for (const SavedSearch &s : searches)
        list.append(QJsonObject{{QStringLiteral("name"), s.name},
                                {QStringLiteral("queue"), s.queueKey},
                                {QStringLiteral("filters"), filtersToJson(s.filters)}});
    for (const QJsonValue &v : unread)
        list.append(v);
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

QList<SavedSearch> fromJson(const QByteArray &json, int *skipped, QJsonArray *unread)
{
    int bad = 0;
    QList<SavedSearch> out;
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!json.isEmpty() && !doc.isArray())
        ++bad;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        SavedSearch s;
        s.name = o.value(QStringLiteral("name")).toString().trimmed();
        s.queueKey = o.value(QStringLiteral("queue")).toString();
        const bool named = !s.name.isEmpty() && s.name.size() <= MaxNameLength &&
                           std::none_of(out.begin(), out.end(), [&](const SavedSearch &other) {
                               return other.name == s.name;
                           });
        if (!named || s.queueKey.isEmpty() || out.size() >= MaxCount ||
            !o.value(QStringLiteral("filters")).isObject() ||
            !readFilters(o.value(QStringLiteral("filters")).toObject(), s.filters)) {
            ++bad;
            if (unread && named && out.size() < MaxCount)
                unread->append(v); // a later desk's, say: kept for it
            continue;
        }
        out.append(s);
    }
    if (skipped)
        *skipped = bad;
    return out;
}

} // namespace SavedSearches

} // namespace rd
