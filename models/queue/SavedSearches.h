#pragma once

#include "ComplaintState.h"
#include "GeoBox.h"
#include "QueueQuery.h"

#include <QByteArray>
#include <QDate>
#include <QJsonArray>
#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

namespace rd {

// What the filter bar narrows a queue by, as a value: what a saved search
// keeps. The due range is kept as days from today ("due in the next 7
// days" stays that, not the dates of the day it was saved).
struct QueueFilters
{
    QString text;
    int categoryId = 0; // 0: any
    int agencyId = 0;   // 0: any
    std::optional<ComplaintState> state;
    std::optional<int> dueFromDays; // both or neither
    std::optional<int> dueToDays;
    int minVotes = 0;
    std::optional<GeoBox> area;
    QList<QPointF> polygon; // a lasso inside area, or empty

    bool isEmpty() const;
    friend bool operator==(const QueueFilters &, const QueueFilters &) = default;
};

// The queue's query with the filters' conditions added: within a queue of
// one agency (or states), another agency (or state) leaves nothing.
QueueQuery narrowed(QueueQuery query, const QueueFilters &filters, const QDate &today);

// A user's own queue: a built-in queue (its key, DeskQueues::key) and the
// filters over it, under a name the user gave. Kept in the cache (meta
// "user.saved_searches"), so they belong to that user on that server.
struct SavedSearch
{
    QString name;
    QString queueKey;
    QueueFilters filters;
    friend bool operator==(const SavedSearch &, const SavedSearch &) = default;
};

namespace SavedSearches {

constexpr int MaxCount = 50;
constexpr int MaxNameLength = 80;
constexpr int MaxDays = 3650;

// unread: entries kept as they were (see fromJson), written after them.
QByteArray toJson(const QList<SavedSearch> &searches, const QJsonArray &unread = {});
// What was stored; an entry that does not read (a later desk's, or a file
// edited by hand) is left out, counted in *skipped and, as it was, put in
// *unread, so that saving the list again does not lose it.
QList<SavedSearch> fromJson(const QByteArray &json, int *skipped = nullptr,
                            QJsonArray *unread = nullptr);

} // namespace SavedSearches

} // namespace rd
