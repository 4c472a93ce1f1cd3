#include "ComplaintRows.h"

#include "CacheGuard.h"
#include "sqlite/Statement.h"

#include <cmath>
#include <stdexcept>

namespace rd::rows {

using detail::fromDateText;
using detail::fromMs;
using detail::toDateText;
using detail::toMs;

// A state code straight from the row's bytes, without a QString per row.
ComplaintState stateFromBytes(QByteArrayView code)
{
    static const QList<QPair<QByteArray, ComplaintState>> codes = [] {
        QList<QPair<QByteArray, ComplaintState>> list;
        for (const ComplaintState state : allComplaintStates())
            list.append({toCode(state).toLatin1(), state});
        return list;
    }();
    for (const auto &[bytes, state] : codes) {
        if (code == bytes)
            return state;
    }
    return ComplaintState::Published; // as readComplaint() does for unknown codes
}

// The server-owned columns, in the order bindComplaint() and readComplaint()
// use. left_scope is local and handled apart.
const QStringList &complaintColumns()
{
    static const QStringList columns{
        QStringLiteral("id"),
        QStringLiteral("version"),
        QStringLiteral("state"),
        QStringLiteral("category_id"),
        QStringLiteral("agency_id"),
        QStringLiteral("district_id"),
        QStringLiteral("body"),
        QStringLiteral("address"),
        QStringLiteral("lat"),
        QStringLiteral("lon"),
        QStringLiteral("created_at"),
        QStringLiteral("updated_at"),
        QStringLiteral("published_at"),
        QStringLiteral("due_date"),
        QStringLiteral("votes"),
        QStringLiteral("author_name"),
        QStringLiteral("author_email"),
        QStringLiteral("author_phone"),
        QStringLiteral("answer_kind"),
        QStringLiteral("answer_text"),
        QStringLiteral("answer_deadline"),
        QStringLiteral("refusal_ground"),
        QStringLiteral("answered_at"),
        QStringLiteral("deadline_extended"),
        QStringLiteral("extension_reason"),
        QStringLiteral("duplicate_of"),
        QStringLiteral("reject_reason"),
        QStringLiteral("citizen_feedback"),
        QStringLiteral("first_answered_at"),
    };
    return columns;
}

QString columnList(const QString &prefix)
{
    QStringList names;
    for (const QString &column : complaintColumns())
        names.append(prefix + column);
    return names.join(QStringLiteral(", "));
}

// Columns the complaints table has secondary indexes on (CacheSchema steps
// 1, 4 and 8), updated_at apart: it changes with every new version.
bool isIndexedColumn(const QString &column)
{
    static const QStringList indexed{
        QStringLiteral("state"),      QStringLiteral("category_id"), QStringLiteral("agency_id"),
        QStringLiteral("address"),    QStringLiteral("lat"),         QStringLiteral("lon"),
        QStringLiteral("created_at"), QStringLiteral("due_date"),    QStringLiteral("votes"),
    };
    return indexed.contains(column);
}

// INSERT … ON CONFLICT DO UPDATE that only ever moves a row forward in
// version: an older or equal record is ignored (changes() == 0). With
// withIndexedColumns false the update leaves the indexed columns to
// updateIndexedSql(): SQLite rewrites every index whose columns an UPDATE
// names, changed or not, and a typical new version (a note, a vote) changes
// none of them.
QString upsertSql(const QString &table, bool withIndexedColumns)
{
    QStringList placeholders;
    QStringList assignments;
    const QStringList &columns = complaintColumns();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        placeholders.append(QStringLiteral("?%1").arg(i + 1));
        if (i > 0 && (withIndexedColumns || !isIndexedColumn(columns[i])))
            assignments.append(QStringLiteral("%1 = excluded.%1").arg(columns[i]));
    }
    return QStringLiteral("INSERT INTO %1 (%2, left_scope) VALUES (%3, 0) "
                          "ON CONFLICT (id) DO UPDATE SET %4, left_scope = 0 "
                          "WHERE excluded.version > %1.version")
        .arg(table, columnList(), placeholders.join(QStringLiteral(", ")),
             assignments.join(QStringLiteral(", ")));
}

// The indexed columns of a complaint upsertSql(…, false) wrote, only where
// one of them differs (same parameter numbers as bindComplaint()).
QString updateIndexedSql()
{
    QStringList assignments;
    QStringList differences;
    const QStringList &columns = complaintColumns();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (!isIndexedColumn(columns[i]))
            continue;
        assignments.append(QStringLiteral("%1 = ?%2").arg(columns[i]).arg(i + 1));
        differences.append(QStringLiteral("%1 IS NOT ?%2").arg(columns[i]).arg(i + 1));
    }
    return QStringLiteral("UPDATE complaints SET %1 WHERE id = ?1 AND (%2)")
        .arg(assignments.join(QStringLiteral(", ")), differences.join(QStringLiteral(" OR ")));
}

// The sort indexes of CacheSchema step 8 that a bulk load builds after the
// fact (buildDeferredIndexes()).
bool isDeferredIndex(const QString &name)
{
    static const QStringList names{
        QStringLiteral("complaints_state"),
        QStringLiteral("complaints_category"),
        QStringLiteral("complaints_created"),
        QStringLiteral("complaints_due"),
        QStringLiteral("complaints_address"),
        QStringLiteral("complaints_category_cell"),
        QStringLiteral("complaints_agency_state_updated"),
    };
    return names.contains(name);
}

// The parameters of updateIndexedSql(), numbered as bindComplaint() numbers
// them (SQLite refuses a parameter a statement does not have).
void bindIndexedColumns(sqlite::Statement &s, const Complaint &c)
{
    s.bind(1, c.id)
        .bind(3, toCode(c.state))
        .bind(4, c.categoryId)
        .bind(5, c.agencyId)
        .bind(8, c.address.isNull() ? QStringLiteral("") : c.address)
        .bind(9, c.latitude)
        .bind(10, c.longitude)
        .bind(11, toMs(c.createdAt))
        .bind(14, toDateText(c.dueDate))
        .bind(15, c.votes);
}

QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

void validate(const Complaint &c)
{
    if (c.id <= 0)
        throw std::invalid_argument("complaint without a valid id");
    if (c.version <= 0)
        throw std::invalid_argument("complaint " + std::to_string(c.id) + " without a version");
    if (!std::isfinite(c.latitude) || !std::isfinite(c.longitude) || std::abs(c.latitude) > 90.0 ||
        std::abs(c.longitude) > 180.0)
        throw std::invalid_argument("complaint " + std::to_string(c.id) +
                                    " has coordinates off the globe");
    if (!c.createdAt.isValid() || !c.updatedAt.isValid())
        throw std::invalid_argument("complaint " + std::to_string(c.id) + " without times");
}

void bindComplaint(sqlite::Statement &s, const Complaint &c)
{
    s.bind(1, c.id)
        .bind(2, c.version)
        .bind(3, toCode(c.state))
        .bind(4, c.categoryId)
        .bind(5, c.agencyId)
        .bind(6, c.districtId)
        .bind(7, nonNull(c.text))
        .bind(8, nonNull(c.address))
        .bind(9, c.latitude)
        .bind(10, c.longitude)
        .bind(11, toMs(c.createdAt))
        .bind(12, toMs(c.updatedAt))
        .bind(13, toMs(c.publishedAt))
        .bind(14, toDateText(c.dueDate))
        .bind(15, c.votes)
        .bind(16, c.authorName)
        .bind(17, c.authorEmail)
        .bind(18, c.authorPhone)
        .bind(19, toCode(c.answerKind))
        .bind(20, c.answerText)
        .bind(21, toDateText(c.answerDeadline))
        .bind(22, c.refusalGround)
        .bind(23, toMs(c.answeredAt))
        .bind(24, c.deadlineExtended)
        .bind(25, c.extensionReason)
        .bind(26, c.duplicateOf)
        .bind(27, c.rejectReason)
        .bind(28, c.citizenFeedback)
        .bind(29, toMs(c.firstAnsweredAt));
}

Complaint readComplaint(const sqlite::Statement &s)
{
    Complaint c;
    c.id = s.int64(0);
    c.version = s.int64(1);
    // A state this build does not know (a newer server) reads as Published,
    // the safest "visible, not actionable here" state; the code is kept in
    // the database untouched.
    c.state = complaintStateFromCode(s.text(2)).value_or(ComplaintState::Published);
    c.categoryId = s.integer(3);
    if (!s.isNull(4))
        c.agencyId = s.integer(4);
    if (!s.isNull(5))
        c.districtId = s.integer(5);
    c.text = s.text(6);
    c.address = s.text(7);
    c.latitude = s.real(8);
    c.longitude = s.real(9);
    c.createdAt = fromMs(s, 10);
    c.updatedAt = fromMs(s, 11);
    c.publishedAt = fromMs(s, 12);
    c.dueDate = fromDateText(s, 13);
    c.votes = s.integer(14);
    c.authorName = s.text(15);
    c.authorEmail = s.text(16);
    c.authorPhone = s.text(17);
    c.answerKind = answerKindFromCode(s.text(18)).value_or(AnswerKind::None);
    c.answerText = s.text(19);
    c.answerDeadline = fromDateText(s, 20);
    c.refusalGround = s.text(21);
    c.answeredAt = fromMs(s, 22);
    c.deadlineExtended = s.int64(23) != 0;
    c.extensionReason = s.text(24);
    if (!s.isNull(25))
        c.duplicateOf = s.int64(25);
    c.rejectReason = s.text(26);
    c.citizenFeedback = s.text(27);
    c.firstAnsweredAt = fromMs(s, 28);
    return c;
}

} // namespace rd::rows
