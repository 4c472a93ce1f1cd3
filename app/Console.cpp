#include "Console.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>

#ifdef Q_OS_WIN
#include "WindowsApi.h"
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace rd::app::console {

namespace {

std::FILE *fileOf(Stream stream)
{
    return stream == Stream::Out ? stdout : stderr;
}

#ifdef Q_OS_WIN
HANDLE handleOf(Stream stream)
{
    return ::GetStdHandle(stream == Stream::Out ? STD_OUTPUT_HANDLE : STD_ERROR_HANDLE);
}

bool isValid(HANDLE handle)
{
    return handle != nullptr && handle != INVALID_HANDLE_VALUE;
}

bool isConsole(HANDLE handle)
{
    DWORD mode = 0;
    return isValid(handle) && ::GetConsoleMode(handle, &mode) != FALSE;
}

// A console line, in UTF-16, with echo off if asked; its line end dropped.
QString readConsoleLine(HANDLE input, bool echo)
{
    DWORD mode = 0;
    ::GetConsoleMode(input, &mode);
    if (!echo)
        ::SetConsoleMode(input, mode & ~DWORD(ENABLE_ECHO_INPUT));
    QString line;
    wchar_t buffer[256];
    for (;;) {
        DWORD read = 0;
        if (!::ReadConsoleW(input, buffer, DWORD(std::size(buffer)), &read, nullptr) || read == 0)
            break;
        line.append(QString::fromWCharArray(buffer, qsizetype(read)));
        if (line.endsWith(QLatin1Char('\n')))
            break;
    }
    if (!echo)
        ::SetConsoleMode(input, mode);
    while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}
#endif

} // namespace

void write(Stream stream, const QString &text)
{
    std::FILE *file = fileOf(stream);
#ifdef Q_OS_WIN
    const HANDLE handle = handleOf(stream);
    if (isConsole(handle)) {
        std::fflush(file); // whatever stdio still holds comes first
        const auto *data = reinterpret_cast<const wchar_t *>(text.utf16());
        qsizetype left = text.size();
        while (left > 0) {
            const DWORD chunk = DWORD(std::min<qsizetype>(left, 8192));
            DWORD written = 0;
            if (!::WriteConsoleW(handle, data, chunk, &written, nullptr) || written == 0)
                return;
            data += written;
            left -= qsizetype(written);
        }
        return;
    }
    const QByteArray bytes = text.toUtf8(); // a file or a pipe: UTF-8
#else
    const QByteArray bytes = text.toLocal8Bit();
#endif
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), file);
    std::fflush(file);
}

void line(Stream stream, const QString &text)
{
    write(stream, text + QLatin1Char('\n'));
}

bool isTerminal(Stream stream)
{
#ifdef Q_OS_WIN
    return isConsole(handleOf(stream));
#else
    return ::isatty(stream == Stream::Out ? STDOUT_FILENO : STDERR_FILENO) != 0;
#endif
}

bool hasConsole()
{
#ifdef Q_OS_WIN
    return ::GetConsoleWindow() != nullptr || isValid(handleOf(Stream::Out)) ||
           isValid(handleOf(Stream::Err));
#else
    return true;
#endif
}

QString readLine(bool echo)
{
#ifdef Q_OS_WIN
    const HANDLE input = ::GetStdHandle(STD_INPUT_HANDLE);
    if (isConsole(input))
        return readConsoleLine(input, echo);
    std::string bytes;
    std::getline(std::cin, bytes);
    QString line = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
    if (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
#else
    termios old{};
    const bool terminal = !echo && ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (terminal) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string bytes;
    std::getline(std::cin, bytes);
    if (terminal)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    return QString::fromStdString(bytes);
#endif
}

} // namespace rd::app::console
