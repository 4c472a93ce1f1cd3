#include "Transaction.h"

#include "Database.h"

#include <QStringLiteral>

namespace rd::sqlite {

Transaction::Transaction(Database &db)
    : m_db(db)
{
    m_db.prepare(QStringLiteral("BEGIN IMMEDIATE")).run();
}

Transaction::~Transaction()
{
    if (!m_done && m_db.inTransaction()) {
        try {
            m_db.prepare(QStringLiteral("ROLLBACK")).run();
        } catch (...) { // NOLINT(bugprone-empty-catch): a failed rollback leaves SQLite's own
        }               // automatic rollback in charge; a destructor must not throw
    }
}

void Transaction::commit()
{
    m_db.prepare(QStringLiteral("COMMIT")).run();
    m_done = true;
}

} // namespace rd::sqlite
