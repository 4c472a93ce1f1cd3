#include "ReportReader.h"

#include "CacheGuard.h"
#include "ComplaintRows.h"
#include "report/Report.h"
#include "sqlite/Database.h"
#include "sqlite/Statement.h"

#include <QStringList>

#include <algorithm>
#include <memory>

#include <variant>

namespace rd {

using detail::fromDateText;
using detail::fromMs;
using detail::guarded;

namespace {

// Where each complaint stood before the instant ?1 (see ReportReader.h), as
// StandingPhase: 0 closed (or registered after ?1), 1 awaiting moderation, 2
// awaiting its first answer, 3 contested (awaiting a new answer), 4 in
// progress (a resolution date promised, or answered again later).
const char *const PhaseSql = R"sql(
CASE
    WHEN c.created_at >= ?1 THEN 0
    WHEN c.state IN ('rejected', 'duplicate') THEN CASE WHEN c.updated_at < ?1 THEN 0 ELSE 1 END
    WHEN c.state = 'moderation' OR c.published_at >= ?1 THEN 1
    WHEN c.first_answered_at IS NULL OR c.first_answered_at >= ?1 THEN 2
    WHEN coalesce(c.answered_at, c.first_answered_at) >= ?1 THEN 4
    WHEN c.answer_kind = 'deadline' THEN 4
    WHEN c.state = 'contested' AND c.updated_at < ?1 THEN 3
    ELSE 0
END)sql";

using BindValue = std::variant<qint64>;

// A statement's text and its parameters (numbered ?1, ?2, … in order).
struct Query
{
    QString text;
    QList<BindValue> binds;

    // " AND …" for the filter, its values appended to the parameters.
    QString where(const ReportFilter &filter)
    {
        QString sql;
        const auto in = [&](const char *column, const QList<int> &ids) {
            QStringList marks;
            for (const int id : ids) {
                binds.append(qint64(id));
                marks << QStringLiteral("?%1").arg(binds.size());
            }
            sql += QStringLiteral(" AND c.%1 IN (%2)")
                       .arg(QLatin1String(column), marks.join(QStringLiteral(", ")));
        };
        if (filter.agencyId) {
            binds.append(qint64(*filter.agencyId));
            sql += QStringLiteral(" AND c.agency_id = ?%1").arg(binds.size());
        }
        if (!filter.categories.isEmpty())
            in("category_id", filter.categories);
        if (!filter.districts.isEmpty())
            in("district_id", filter.districts);
        return sql;
    }

    std::unique_ptr<sqlite::Statement> prepare(sqlite::Database &db) const
    {
        auto statement = std::make_unique<sqlite::Statement>(db, text);
        for (qsizetype i = 0; i < binds.size(); ++i)
            std::visit([&](const auto &value) { statement->bind(int(i + 1), value); }, binds[i]);
        return statement;
    }
};

// The columns a listed complaint is read from (readListed).
const QString ListedColumns =
    QStringLiteral("c.id, c.state, c.category_id, c.agency_id, c.district_id, c.created_at, "
                   "c.published_at, c.due_date, c.votes, c.answer_kind, c.answer_deadline, "
                   "c.first_answered_at, c.address");

ReportRow readListed(const sqlite::Statement &s)
{
    ReportRow row;
    row.id = s.int64(0);
    row.state = rows::stateFromBytes(s.textView(1));
    row.categoryId = s.integer(2);
    if (!s.isNull(3))
        row.agencyId = s.integer(3);
    if (!s.isNull(4))
        row.districtId = s.integer(4);
    row.createdAt = fromMs(s, 5);
    row.publishedAt = fromMs(s, 6);
    row.dueDate = fromDateText(s, 7);
    row.votes = s.integer(8);
    row.answerKind = answerKindFromCode(s.text(9)).value_or(AnswerKind::None);
    row.answerDeadline = fromDateText(s, 10);
    row.firstAnsweredAt = fromMs(s, 11);
    row.address = s.text(12);
    return row;
}

} // namespace

ReportReader::ReportReader(sqlite::Database &db)
    : m_db(db)
{}

QList<ReportRow> ReportReader::rows(const QDateTime &from, const QDateTime &to,
                                    const QDateTime &end, const ReportFilter &filter)
{
    return guarded([&] {
        Query q;
        q.binds << end.toMSecsSinceEpoch() << from.toMSecsSinceEpoch() << to.toMSecsSinceEpoch();
        const QString where = q.where(filter);
        // Most of the table may be registered before the end (a year, or a
        // backlog): a scan beats walking the created_at index (the unary +
        // keeps the planner off it). Rows closed at the end and registered
        // before the period are dropped here, before they are read out.
        q.text = QStringLiteral("SELECT * FROM (SELECT %1, c.created_at >= ?2 AS received, %2 AS "
                                "phase FROM complaints c WHERE +c.created_at < ?3%3) "
                                "WHERE received OR phase <> 0")
                     .arg(ListedColumns, QString::fromUtf8(PhaseSql), where);
        const auto statement = q.prepare(m_db);
        const int received = 13; // after ListedColumns
        QList<ReportRow> rows;
        while (statement->step()) {
            ReportRow row = readListed(*statement);
            row.received = statement->int64(received) != 0;
            row.phase = StandingPhase(std::clamp(statement->integer(received + 1), 0, 4));
            rows.append(row);
        }
        return rows;
    });
}

} // namespace rd
