#pragma once

#include <QtGlobal>

namespace rd::sqlite {

class Database;

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit()ed,
// so an exception anywhere inside a write leaves the database as it was.
// IMMEDIATE takes the write lock up front: with WAL, two writers then wait on
// busy_timeout instead of failing halfway with SQLITE_BUSY_SNAPSHOT.
class Transaction final
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    void commit();

private:
    Database &m_db;
    bool m_done = false;
};

} // namespace rd::sqlite
