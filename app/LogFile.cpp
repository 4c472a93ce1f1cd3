#include "LogFile.h"

#include "Clock.h"
#include "Diagnostics.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QTextStream>

#include <cstdio>

namespace rd {

namespace {

QMutex logMutex;
LogFile *current = nullptr;
QtMessageHandler previous = nullptr;

QString fileName(const QString &directory, int generation)
{
    return QDir(directory).filePath(generation == 0
                                        ? QStringLiteral("regiondesk.log")
                                        : QStringLiteral("regiondesk.%1.log").arg(generation));
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &original)
{
    // What reaches the file reaches stderr (and a crash's output) the same.
    const QString message = redactPersonal(redactSecrets(original));
    static const char *levels[] = {"debug", "warning", "critical", "fatal", "info"};
    const QString line =
        QStringLiteral("%1 %2 %3: %4")
            .arg(Clock::system().now().toLocalTime().toString(Qt::ISODateWithMs),
                 QString::fromLatin1(levels[std::clamp(int(type), 0, 4)]),
                 QString::fromLatin1(context.category ? context.category : "default"), message);
    {
        QMutexLocker lock(&logMutex);
        if (current)
            current->append(line);
    }
    if (previous)
        previous(type, context, message);
}

QtMessageHandler beneathRedaction = nullptr; // what redactStderr() replaced

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &original)
{
    if (beneathRedaction)
        beneathRedaction(type, context, redactPersonal(redactSecrets(original)));
}

} // namespace

void LogFile::redactStderr()
{
    QMutexLocker lock(&logMutex);
    if (!beneathRedaction)
        beneathRedaction = qInstallMessageHandler(redactingHandler);
}

LogFile::LogFile(const QString &directory, qint64 capBytes, int keep)
    : m_directory(directory)
    , m_path(fileName(directory, 0))
    , m_cap(std::max<qint64>(capBytes, 4096))
    , m_keep(std::clamp(keep, 1, 9))
{
    QDir().mkpath(directory);
}

LogFile::~LogFile()
{
    QMutexLocker lock(&logMutex);
    if (current == this) {
        qInstallMessageHandler(previous);
        current = nullptr;
    }
}

void LogFile::install()
{
    QMutexLocker lock(&logMutex);
    current = this;
    previous = qInstallMessageHandler(handler);
}

LogFile *LogFile::installed()
{
    return current;
}

void LogFile::rotate()
{
    QFile::remove(fileName(m_directory, m_keep));
    for (int generation = m_keep - 1; generation >= 0; --generation)
        QFile::rename(fileName(m_directory, generation), fileName(m_directory, generation + 1));
}

void LogFile::append(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    if (QFileInfo(m_path).size() + bytes.size() > m_cap)
        rotate();
    QFile file(m_path);
    // A log that cannot be written must never stop the application.
    if (file.open(QIODevice::Append))
        file.write(bytes);
}

QStringList LogFile::lastLines(int count) const
{
    QStringList lines;
    for (int generation = 0; generation <= m_keep && lines.size() < count; ++generation) {
        QFile file(fileName(m_directory, generation));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QStringList these =
            QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        these.append(lines);
        lines = these;
    }
    return lines.mid(std::max<qsizetype>(0, lines.size() - count));
}

} // namespace rd
