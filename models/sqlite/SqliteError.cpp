#include "SqliteError.h"

namespace rd::sqlite {

Error::Error(int code, int extendedCode, QString message, QString file)
    : std::runtime_error(message.toStdString())
    , m_code(code)
    , m_extendedCode(extendedCode)
    , m_message(std::move(message))
    , m_file(std::move(file))
{}

} // namespace rd::sqlite
