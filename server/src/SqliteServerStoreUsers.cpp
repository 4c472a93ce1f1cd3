// SqliteServerStore's users, tokens and audit log (SqliteServerStore.h).

#include "SqliteServerStore.h"

#include "Passwords.h"
#include "TimeUtil.h"
#include "sqlite/Database.h"

namespace rd::server {

qint64 SqliteServerStore::addUser(const QString &login, const QString &displayName, Role role,
                                  std::optional<int> agencyId, const QString &password)
{
    const Passwords::Hashed hashed = Passwords::hash(password);
    m_db->prepare(QStringLiteral("INSERT INTO users (login, display_name, role, agency_id, salt, "
                                 "hash, iterations) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))
        .bind(1, login)
        .bind(2, displayName)
        .bind(3, toCode(role))
        .bind(4, agencyId)
        .bind(5, hashed.salt)
        .bind(6, hashed.hash)
        .bind(7, hashed.iterations)
        .run();
    return m_db->lastInsertRowId();
}

namespace {

User readUser(const sqlite::Statement &s, int disabledColumn)
{
    User u;
    u.id = s.int64(0);
    u.login = s.text(1);
    u.displayName = s.text(2);
    u.role = roleFromCode(s.text(3)).value_or(Role::Clerk);
    if (!s.isNull(4))
        u.agencyId = s.integer(4);
    u.disabled = s.int64(disabledColumn) != 0;
    return u;
}

} // namespace

std::optional<User> SqliteServerStore::userByLogin(const QString &login, QByteArray *salt,
                                                   QByteArray *hash, int *iterations)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT id, login, display_name, role, agency_id, salt, hash, iterations, "
                       "disabled FROM users WHERE login = ?1"));
    s.bind(1, login);
    std::optional<User> user;
    if (s.step()) {
        user = readUser(s, 8);
        if (salt)
            *salt = s.blob(5);
        if (hash)
            *hash = s.blob(6);
        if (iterations)
            *iterations = s.integer(7);
    }
    s.reset();
    return user;
}

std::optional<User> SqliteServerStore::userById(qint64 id)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT id, login, display_name, role, agency_id, disabled FROM users "
                       "WHERE id = ?1"));
    s.bind(1, id);
    std::optional<User> user;
    if (s.step())
        user = readUser(s, 5);
    s.reset();
    return user;
}

void SqliteServerStore::storeToken(const QByteArray &digest, qint64 userId,
                                   const QDateTime &expires)
{
    m_db->prepare(
            QStringLiteral("INSERT INTO tokens (digest, user_id, expires_at) VALUES (?1, ?2, ?3)"))
        .bind(1, digest)
        .bind(2, userId)
        .bind(3, expires.toMSecsSinceEpoch())
        .run();
}

std::optional<ServerStore::TokenInfo> SqliteServerStore::token(const QByteArray &digest)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT user_id, expires_at, revoked FROM tokens WHERE digest = ?1"));
    s.bind(1, digest);
    std::optional<TokenInfo> info;
    if (s.step())
        info = TokenInfo{s.int64(0), utcFromMs(s.int64(1)), s.int64(2) != 0};
    s.reset();
    return info;
}

void SqliteServerStore::revokeToken(const QByteArray &digest)
{
    m_db->prepare(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE digest = ?1"))
        .bind(1, digest)
        .run();
}

QList<User> SqliteServerStore::users()
{
    sqlite::Statement &s = m_db->prepare(QStringLiteral(
        "SELECT id, login, display_name, role, agency_id, disabled FROM users ORDER BY id"));
    QList<User> out;
    while (s.step())
        out.append(readUser(s, 5));
    s.reset();
    return out;
}

void SqliteServerStore::updateUser(const User &user)
{
    m_db->prepare(QStringLiteral("UPDATE users SET display_name = ?2, role = ?3, agency_id = ?4, "
                                 "disabled = ?5 WHERE id = ?1"))
        .bind(1, user.id)
        .bind(2, user.displayName)
        .bind(3, toCode(user.role))
        .bind(4, user.agencyId)
        .bind(5, user.disabled)
        .run();
}

void SqliteServerStore::setPassword(qint64 userId, const QString &password)
{
    const Passwords::Hashed hashed = Passwords::hash(password);
    m_db->prepare(QStringLiteral("UPDATE users SET salt = ?2, hash = ?3, iterations = ?4 "
                                 "WHERE id = ?1"))
        .bind(1, userId)
        .bind(2, hashed.salt)
        .bind(3, hashed.hash)
        .bind(4, hashed.iterations)
        .run();
}

void SqliteServerStore::revokeTokensOf(qint64 userId)
{
    m_db->prepare(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE user_id = ?1"))
        .bind(1, userId)
        .run();
}

void SqliteServerStore::appendAudit(const AuditEntry &e)
{
    m_db->prepare(QStringLiteral("INSERT INTO audit (at, actor, action, subject, before, after) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
        .bind(1, e.at.toMSecsSinceEpoch())
        .bind(2, e.actor)
        .bind(3, e.action)
        .bind(4, e.subject)
        .bind(5, e.before)
        .bind(6, e.after)
        .run();
}

QList<ServerStore::AuditEntry> SqliteServerStore::audit(int limit)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT id, at, actor, action, subject, before, after FROM audit "
                       "ORDER BY id DESC LIMIT ?1"));
    s.bind(1, limit);
    QList<AuditEntry> out;
    while (s.step())
        out.append({s.int64(0), utcFromMs(s.int64(1)), s.text(2), s.text(3), s.text(4), s.text(5),
                    s.text(6)});
    s.reset();
    return out;
}

} // namespace rd::server
