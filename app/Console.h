#pragma once

#include <QString>

// What the command line writes and reads, in one place, so that Cyrillic
// reaches a Windows console intact.
//
// POSIX: the text in the locale's encoding (QString::toLocal8Bit, UTF-8 on
// any current system) through stdio, as printf would write it.
// Windows: on a console, UTF-16 through WriteConsoleW / ReadConsoleW, so the
// console's code page (866 on a Russian system, while the program's ANSI code
// page is 1251) does not matter; redirected to a file or a pipe, UTF-8 bytes.
// regiondesk.exe is a GUI-subsystem program with no console of its own;
// regiondesk-cli.exe, the same program in the console subsystem, is the one
// to run from cmd or PowerShell (docs/deployment.md).
namespace rd::app::console {

enum class Stream
{
    Out,
    Err
};

// Writes text as it is; line() adds the line end.
void write(Stream stream, const QString &text);
void line(Stream stream, const QString &text);
inline void out(const QString &text)
{
    line(Stream::Out, text);
}
inline void err(const QString &text)
{
    line(Stream::Err, text);
}

// True if the stream is a terminal (a console on Windows), not a file or pipe.
bool isTerminal(Stream stream);
// True if the program has a console or terminal to talk to (on Windows a
// GUI-subsystem program started from Explorer has none).
bool hasConsole();

// A line read from standard input without its line end; with echo off when
// the input is a terminal (a password). Empty at the end of input.
QString readLine(bool echo);

} // namespace rd::app::console
