#pragma once

#include "Complaint.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace rd {

namespace sqlite {
class Statement;
}

// How a complaint is a row of the cache's complaints table (and of
// server_copies, its twin): the columns, their binding and reading, the
// version-forward upsert. Shared by the cache's complaint parts
// (ComplaintStore, QueueReader, BulkLoad); not part of the cache's interface.
namespace rows {

// A state code straight from the row's bytes, without a QString per row.
ComplaintState stateFromBytes(QByteArrayView code);
// The server-owned columns, in the order bindComplaint() and readComplaint()
// use. left_scope is local and handled apart.
const QStringList &complaintColumns();
QString columnList(const QString &prefix = {});
// Columns the complaints table has secondary indexes on (CacheSchema steps
// 1, 4 and 8), updated_at apart: it changes with every new version.
bool isIndexedColumn(const QString &column);
// INSERT … ON CONFLICT DO UPDATE that only ever moves a row forward in
// version (see ComplaintRows.cpp).
QString upsertSql(const QString &table, bool withIndexedColumns = true);
// The indexed columns of a complaint upsertSql(…, false) wrote, only where
// one of them differs (same parameter numbers as bindComplaint()).
QString updateIndexedSql();
// The sort indexes of CacheSchema step 8 that a bulk load builds after the
// fact (BulkLoad::buildDeferredIndexes()).
bool isDeferredIndex(const QString &name);
void bindIndexedColumns(sqlite::Statement &s, const Complaint &c);
QString nonNull(const QString &text);
// Throws std::invalid_argument for a record not fit to store.
void validate(const Complaint &c);
void bindComplaint(sqlite::Statement &s, const Complaint &c);
Complaint readComplaint(const sqlite::Statement &s);

} // namespace rows

} // namespace rd
