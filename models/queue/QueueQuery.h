#pragma once

#include "ComplaintState.h"
#include "GeoBox.h"

#include <QDate>
#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

namespace rd {

// What a queue shows: filters combine with AND, lists within a filter with OR.
// An empty list or an unset optional means "any".
struct QueueQuery
{
    enum class SortKey
    {
        Updated,
        Created,
        DueDate,
        Votes,
        Id,
        State,
        Category,
        Address
    };

    QList<ComplaintState> states;
    QList<int> categories;
    QList<int> agencies;
    QList<int> districts;
    std::optional<QDate> dueFrom; // due date on or after
    std::optional<QDate> dueTo;   // due date on or before
    std::optional<int> minVotes;
    QString text; // as the user typed it; see matchExpression()
    std::optional<GeoBox> box;
    // A free-form area (the map's lasso): vertices as (latitude, longitude),
    // at least three; only what lies inside. Used together with box (its
    // bounding box), which the spatial index answers first.
    QList<QPointF> polygon;
    // The polygon as the SQL function rd_in_polygon() takes it.
    static QString polygonText(const QList<QPointF> &polygon);
    static bool polygonContains(const QList<QPointF> &polygon, double latitude, double longitude);
    bool withDraftOnly = false;
    bool withPendingActionOnly = false;
    bool withoutPendingAction = false; // triage: what has an action in the outbox is done
    bool withConflictOnly = false;     // an outbox action the server answered with 409
    // Awaiting moderation, with another live complaint of the same category
    // within about 100 m: the moderators' "duplicates suspected" queue.
    bool suspectedDuplicateOnly = false;
    static constexpr double DuplicateLatitudeDegrees = 0.0009;  // ≈ 100 m
    static constexpr double DuplicateLongitudeDegrees = 0.0018; // ≈ 100 m at 55°–60° N
    SortKey sort = SortKey::Updated;
    bool descending = true;

    // The FTS5 expression for text typed by a user: every word becomes a
    // quoted prefix term ("ям" → "ям"*), all required. FTS5 syntax typed by
    // the user (quotes, NEAR, column filters, operators) is taken literally,
    // never interpreted; 'ё' is folded to 'е' as in the index. Empty when the
    // text holds no searchable word, or only one character (a letter or a
    // digit alone filters nothing: it is in a good part of all complaints).
    static QString matchExpression(const QString &text);

    friend bool operator==(const QueueQuery &, const QueueQuery &) = default;
};

} // namespace rd
