#pragma once

#include <QByteArray>
#include <QString>

namespace rd::server {

// PBKDF2-HMAC-SHA256 with a random 16-byte salt (QPasswordDigestor), and
// random bearer tokens of which only a SHA-256 is ever stored.
namespace Passwords {

constexpr int Iterations = 120000;

struct Hashed
{
    QByteArray salt;
    QByteArray hash;
    int iterations = Iterations;
};

Hashed hash(const QString &password, int iterations = Iterations);
bool verify(const QString &password, const QByteArray &salt, const QByteArray &expected,
            int iterations);
// A new random token (URL-safe base64 of 32 random bytes) and its digest.
QByteArray newToken();
QByteArray tokenDigest(const QByteArray &token);
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace Passwords
} // namespace rd::server
