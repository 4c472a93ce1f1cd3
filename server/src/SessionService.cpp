#include "SessionService.h"

#include "ApiJson.h"
#include "Passwords.h"

namespace rd::server {

namespace {

QJsonObject userJson(const User &user)
{
    return {
        {QStringLiteral("id"), user.id},
        {QStringLiteral("login"), user.login},
        {QStringLiteral("display_name"), user.displayName},
        {QStringLiteral("role"), toCode(user.role)},
        {QStringLiteral("agency_id"), user.agencyId ? QJsonValue(*user.agencyId) : QJsonValue()}};
}

} // namespace

bool seesPersonalData(const User &user)
{
    return user.role != Role::Clerk;
}

SessionService::SessionService(ServerStore &store, const ServerConfig &config, const Clock &clock)
    : m_store(store)
    , m_config(config)
    , m_clock(clock)
{}

std::optional<Session> SessionService::authenticate(const ApiRequest &request, ApiResponse *failure)
{
    const auto unauthorized = [&](const QString &code, const QString &message) {
        *failure = ApiResponse::error(401, code, message);
        failure->addHeader("WWW-Authenticate", "Bearer realm=\"regiondesk\"");
        return std::nullopt;
    };
    const QByteArray header = request.header("authorization");
    if (!header.startsWith("Bearer ") || header.size() < 8)
        return unauthorized(QStringLiteral("unauthorized"),
                            QStringLiteral("Sign in first: send Authorization: Bearer <token>."));
    const QByteArray digest = Passwords::tokenDigest(header.mid(7).trimmed());
    const auto token = m_store.token(digest);
    if (!token)
        return unauthorized(QStringLiteral("unauthorized"), QStringLiteral("Unknown token."));
    if (token->revoked)
        return unauthorized(QStringLiteral("token_revoked"),
                            QStringLiteral("This session was signed out. Sign in again."));
    if (token->expires <= m_clock.now())
        return unauthorized(QStringLiteral("token_expired"),
                            QStringLiteral("This session has expired. Sign in again."));
    const auto user = m_store.userById(token->userId);
    if (!user)
        return unauthorized(QStringLiteral("unauthorized"), QStringLiteral("Unknown user."));
    if (user->disabled)
        return unauthorized(QStringLiteral("account_disabled"),
                            QStringLiteral("This account is disabled. Ask the administrator."));
    return Session{*user, digest};
}

ApiResponse SessionService::signIn(const ApiRequest &request)
{
    ApiResponse failure;
    const auto body = parseJsonBody(request, m_config.maxJsonBytes, &failure);
    if (!body)
        return failure;
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != QLatin1String("login") && it.key() != QLatin1String("password"))
            return ApiResponse::error(422, QStringLiteral("invalid"),
                                      QStringLiteral("Unknown field."),
                                      {{it.key(), QStringLiteral("unknown field")}});
    }
    const QJsonValue login = body->value(QStringLiteral("login"));
    const QJsonValue password = body->value(QStringLiteral("password"));
    QJsonObject fields;
    if (!login.isString() || login.toString().isEmpty() || login.toString().size() > 200)
        fields.insert(QStringLiteral("login"), QStringLiteral("required text"));
    if (!password.isString() || password.toString().size() > 1000)
        fields.insert(QStringLiteral("password"), QStringLiteral("required text"));
    if (!fields.isEmpty())
        return ApiResponse::error(422, QStringLiteral("invalid"),
                                  QStringLiteral("Login and password are required."), fields);
    QByteArray salt;
    QByteArray hash;
    int iterations = Passwords::Iterations;
    const auto user = m_store.userByLogin(login.toString(), &salt, &hash, &iterations);
    // The same work and the same answer for an unknown user and a wrong
    // password, so neither reveals which logins exist.
    const bool ok = user ? Passwords::verify(password.toString(), salt, hash, iterations)
                         : (Passwords::verify(password.toString(), QByteArray(16, 'x'),
                                              QByteArray(32, 'x'), Passwords::Iterations),
                            false);
    if (!ok)
        return ApiResponse::error(401, QStringLiteral("bad_credentials"),
                                  QStringLiteral("Wrong login or password."));
    // Told only to whoever knows the password.
    if (user->disabled)
        return ApiResponse::error(
            403, QStringLiteral("account_disabled"),
            QStringLiteral("This account is disabled. Ask the administrator."));
    const QByteArray token = Passwords::newToken();
    const QDateTime expires = m_clock.now().addSecs(m_config.tokenLifetimeSecs);
    m_store.storeToken(Passwords::tokenDigest(token), user->id, expires);
    QJsonObject answer;
    answer.insert(QStringLiteral("token"), QString::fromLatin1(token));
    answer.insert(QStringLiteral("expires_at"), ApiJson::formatTime(expires));
    answer.insert(QStringLiteral("user"), userJson(*user));
    return ApiResponse::json(200, answer);
}

ApiResponse SessionService::currentSession(const Session &session)
{
    const auto token = m_store.token(session.tokenDigest);
    return ApiResponse::json(
        200, QJsonObject{{QStringLiteral("expires_at"), ApiJson::formatTime(token->expires)},
                         {QStringLiteral("user"), userJson(session.user)}});
}

ApiResponse SessionService::signOut(const Session &session)
{
    m_store.revokeToken(session.tokenDigest);
    ApiResponse r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

} // namespace rd::server
