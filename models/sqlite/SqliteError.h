#pragma once

#include <QString>

#include <stdexcept>

namespace rd::sqlite {

// An error reported by SQLite, with the file it concerns. Thrown by the RAII
// layer; the cache turns it into a CacheError with words a user can act on.
class Error final : public std::runtime_error
{
public:
    Error(int code, int extendedCode, QString message, QString file);

    int code() const { return m_code; }
    int extendedCode() const { return m_extendedCode; }
    const QString &message() const { return m_message; }
    const QString &file() const { return m_file; }

private:
    int m_code;
    int m_extendedCode;
    QString m_message;
    QString m_file;
};

} // namespace rd::sqlite
