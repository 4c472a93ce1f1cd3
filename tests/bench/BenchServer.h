#pragma once

#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

namespace rd::bench {

// The reference server in a child process on a free loopback port, filled
// with demo complaints in a temporary folder; stopped when this goes.
class BenchServer final
{
public:
    // Starts it and waits for its first line; false (and a message on
    // stderr) if it did not come up. demoComplaints < 0: no demo (a second
    // process on a database another filled, given by --database).
    bool start(int demoComplaints, const QStringList &extraArguments = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"),
                   QStringLiteral("regiondesk.server.requests=false"));
        m_process.setProcessEnvironment(env);
        // Its log (sign-in audit lines, refused connections) to a file.
        m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("server.log")));
        QStringList arguments{QStringLiteral("--data"), m_dir.filePath(QStringLiteral("server")),
                              QStringLiteral("--port"), QStringLiteral("0")};
        if (demoComplaints >= 0)
            arguments << QStringLiteral("--demo") << QString::number(demoComplaints);
        // REGIONDESK_BENCH_SERVER_ARGS: more options for every server a
        // benchmark starts, to compare settings on the same machine.
        arguments += qEnvironmentVariable("REGIONDESK_BENCH_SERVER_ARGS")
                         .split(QLatin1Char(' '), Qt::SkipEmptyParts);
        m_process.start(QStringLiteral(REGIONDESK_SERVER_BINARY), arguments + extraArguments);
        // Filling a durable PostgreSQL with 100 000 takes 7–15 minutes on
        // the 2-core machine: up to half an hour.
        while (!m_process.canReadLine() && m_process.waitForReadyRead(1'800'000)) {
        }
        const QByteArray first = m_process.readLine().trimmed();
        if (!first.startsWith("listening on http://")) {
            std::fprintf(stderr, "the server did not start: %s (its log: %s)\n", first.constData(),
                         qPrintable(m_dir.filePath(QStringLiteral("server.log"))));
            m_dir.setAutoRemove(false);
            return false;
        }
        m_base = QString::fromLatin1(first.mid(13));
        return true;
    }
    ~BenchServer()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
    }
    const QString &baseUrl() const { return m_base; }
    quint16 port() const
    {
        return quint16(m_base.mid(m_base.lastIndexOf(QLatin1Char(':')) + 1).toUInt());
    }
    QString scratchPath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_base;
};

} // namespace rd::bench
