#pragma once

#include <QString>
#include <QStringList>

namespace rd {

// The application's log: every qDebug/qInfo/qWarning line (with time, level
// and category) appended to <dir>/regiondesk.log as well as to stderr. When
// the file would pass its cap it is rotated: regiondesk.log → .1 → .2 → … up
// to `keep` old files, the oldest dropped, so the logs never take more than
// (keep + 1) × cap. Installed once by main(); tests use it directly.
class LogFile final
{
public:
    LogFile(const QString &directory, qint64 capBytes = 1024 * 1024, int keep = 3);
    ~LogFile();
    LogFile(const LogFile &) = delete;
    LogFile &operator=(const LogFile &) = delete;

    // Routes Qt's messages here (and on to stderr) until destroyed.
    void install();
    void append(const QString &line);
    QString path() const { return m_path; }
    // The last `count` lines, across the rotation (for diagnostics).
    QStringList lastLines(int count) const;

    static LogFile *installed();
    // For every command, desk or not, from main()'s start: Qt's messages
    // reach stderr only through redactSecrets and redactPersonal
    // (docs/deployment.md, "Personal data"). A LogFile installed later
    // chains to it.
    static void redactStderr();

private:
    void rotate();

    QString m_directory;
    QString m_path;
    qint64 m_cap;
    int m_keep;
};

} // namespace rd
