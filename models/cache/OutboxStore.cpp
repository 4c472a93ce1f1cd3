#include "OutboxStore.h"

#include "CacheGuard.h"
#include "Clock.h"
#include "ComplaintStore.h"

namespace rd {

using detail::fromMs;
using detail::guarded;
using detail::guardedWrite;
using detail::toMs;

namespace {

const char *const OutboxColumns =
    "seq, complaint_id, idempotency_key, action, payload, base_version, status, attempts, "
    "created_at, next_attempt_at, last_error";

OutboxAction readAction(const sqlite::Statement &s)
{
    OutboxAction a;
    a.seq = s.int64(0);
    a.complaintId = s.int64(1);
    a.idempotencyKey = s.text(2);
    a.action = s.text(3);
    a.payload = s.blob(4);
    a.baseVersion = s.int64(5);
    a.status = outboxStatusFromCode(s.text(6));
    a.attempts = s.integer(7);
    a.createdAt = fromMs(s, 8);
    a.nextAttemptAt = fromMs(s, 9);
    a.lastError = s.text(10);
    return a;
}

QString selectSql(const char *tail)
{
    return QStringLiteral("SELECT %1 FROM outbox %2")
        .arg(QLatin1String(OutboxColumns), QLatin1String(tail));
}

} // namespace

QString toCode(OutboxStatus status)
{
    switch (status) {
    case OutboxStatus::Pending:
        return QStringLiteral("pending");
    case OutboxStatus::Sending:
        return QStringLiteral("sending");
    case OutboxStatus::Failed:
        return QStringLiteral("failed");
    case OutboxStatus::Conflict:
        return QStringLiteral("conflict");
    }
    return QStringLiteral("pending");
}

OutboxStatus outboxStatusFromCode(const QString &code)
{
    for (const OutboxStatus status : {OutboxStatus::Pending, OutboxStatus::Sending,
                                      OutboxStatus::Failed, OutboxStatus::Conflict}) {
        if (toCode(status) == code)
            return status;
    }
    return OutboxStatus::Pending; // resend: the idempotency key makes that safe
}

OutboxStore::OutboxStore(sqlite::Database &db, ComplaintStore &complaints)
    : m_db(db)
    , m_complaints(complaints)
{}

qint64 OutboxStore::enqueue(const OutboxAction &action)
{
    if (action.complaintId <= 0 || action.idempotencyKey.isEmpty() || action.action.isEmpty())
        throw std::invalid_argument("an outbox action needs a complaint, a key and an action");
    return guardedWrite(m_db, [&] {
        sqlite::Statement &s = m_db.prepare(QStringLiteral(
            "INSERT INTO outbox (complaint_id, idempotency_key, action, payload, base_version, "
            "status, attempts, created_at, next_attempt_at, last_error) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
        s.bind(1, action.complaintId)
            .bind(2, action.idempotencyKey)
            .bind(3, action.action)
            .bind(4, action.payload.isNull() ? QByteArray("") : action.payload)
            .bind(5, action.baseVersion)
            .bind(6, toCode(action.status))
            .bind(7, action.attempts)
            .bind(8, toMs(action.createdAt.isValid() ? action.createdAt : Clock::system().now()))
            .bind(9, toMs(action.nextAttemptAt))
            .bind(10, action.lastError)
            .run();
        return m_db.lastInsertRowId();
    });
}

std::optional<OutboxAction> OutboxStore::action(qint64 seq)
{
    return guarded([&]() -> std::optional<OutboxAction> {
        sqlite::Statement &s = m_db.prepare(selectSql("WHERE seq = ?1"));
        s.bind(1, seq);
        std::optional<OutboxAction> result;
        if (s.step())
            result = readAction(s);
        s.reset();
        return result;
    });
}

QList<OutboxAction> OutboxStore::all()
{
    return guarded([&] {
        sqlite::Statement &s = m_db.prepare(selectSql("ORDER BY seq"));
        QList<OutboxAction> actions;
        while (s.step())
            actions.append(readAction(s));
        s.reset();
        return actions;
    });
}

QList<OutboxAction> OutboxStore::forComplaint(qint64 complaintId)
{
    return guarded([&] {
        sqlite::Statement &s = m_db.prepare(selectSql("WHERE complaint_id = ?1 ORDER BY seq"));
        s.bind(1, complaintId);
        QList<OutboxAction> actions;
        while (s.step())
            actions.append(readAction(s));
        s.reset();
        return actions;
    });
}

void OutboxStore::update(const OutboxAction &action)
{
    guardedWrite(m_db, [&] {
        m_db.prepare(QStringLiteral("UPDATE outbox SET status = ?2, attempts = ?3, "
                                    "next_attempt_at = ?4, last_error = ?5 WHERE seq = ?1"))
            .bind(1, action.seq)
            .bind(2, toCode(action.status))
            .bind(3, action.attempts)
            .bind(4, toMs(action.nextAttemptAt))
            .bind(5, action.lastError)
            .run();
    });
}

bool OutboxStore::claimForSending(qint64 seq)
{
    return guardedWrite(m_db, [&] {
        m_db.prepare(QStringLiteral("UPDATE outbox SET status = 'sending' WHERE seq = ?1 AND "
                                    "status IN ('pending', 'sending')"))
            .bind(1, seq)
            .run();
        return m_db.changes() > 0;
    });
}

OutboxStore::Holds OutboxStore::holds(const QDateTime &now)
{
    return guarded([&] {
        sqlite::Statement &s = m_db.prepare(QStringLiteral(
            "SELECT count(*), min(next_attempt_at), max(next_attempt_at) FROM outbox "
            "WHERE status = 'pending' AND attempts = 0 AND next_attempt_at > ?1"));
        s.bind(1, now.toMSecsSinceEpoch());
        Holds holds;
        if (s.step()) {
            holds.count = s.int64(0);
            holds.firstRelease = fromMs(s, 1);
            holds.lastRelease = fromMs(s, 2);
        }
        s.reset();
        return holds;
    });
}

int OutboxStore::releaseHolds(const QDateTime &now)
{
    return guardedWrite(m_db, [&] {
        m_db.prepare(QStringLiteral("UPDATE outbox SET next_attempt_at = NULL WHERE status = "
                                    "'pending' AND attempts = 0 AND next_attempt_at > ?1"))
            .bind(1, now.toMSecsSinceEpoch())
            .run();
        return m_db.changes();
    });
}

void OutboxStore::rebase(qint64 seq, qint64 baseVersion, const QByteArray &payload,
                         const QString &idempotencyKey)
{
    guardedWrite(m_db, [&] {
        m_db.prepare(QStringLiteral("UPDATE outbox SET base_version = ?2, payload = ?3, "
                                    "idempotency_key = ?4 WHERE seq = ?1"))
            .bind(1, seq)
            .bind(2, baseVersion)
            .bind(3, payload)
            .bind(4, idempotencyKey)
            .run();
    });
}

qint64 OutboxStore::count(OutboxStatus status)
{
    return guarded([&] {
        sqlite::Statement &s =
            m_db.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE status = ?1"));
        s.bind(1, toCode(status));
        const qint64 n = s.step() ? s.int64(0) : 0;
        s.reset();
        return n;
    });
}

void OutboxStore::remove(qint64 seq)
{
    guardedWrite(m_db, [&] {
        sqlite::Statement &find =
            m_db.prepare(QStringLiteral("SELECT complaint_id FROM outbox WHERE seq = ?1"));
        find.bind(1, seq);
        const std::optional<qint64> complaintId =
            find.step() ? std::optional<qint64>(find.int64(0)) : std::nullopt;
        find.reset();
        if (!complaintId)
            return;
        m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?1")).bind(1, seq).run();
        m_complaints.releaseIfUnprotected(*complaintId);
    });
}

qint64 OutboxStore::count()
{
    return guarded([&] { return m_db.queryInt(QStringLiteral("SELECT count(*) FROM outbox")); });
}

} // namespace rd
